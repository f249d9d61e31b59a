package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.ActiveMQEvent;
import com.amazonaws.services.lambda.runtime.events.RabbitMQEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Amazon MQ brokers as event sources: ActiveMQ batches (messages with JMS headers, data Base64-encoded) and RabbitMQ
 * batches (grouped by {@code queue::virtualHost}, string headers as byte arrays, as the AMQP client hands them over).
 *
 * <pre>{@code
 * ActiveMQEvent jms = MqEvents.activeMq("orders-broker").textMessage("orders", "{\"id\":1}").build();
 * RabbitMQEvent amqp = MqEvents.rabbitMq("orders-broker").message("orders", "{\"id\":1}").header("kind", "new").build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MqEvents {

    // How the event source mapping prints a RabbitMQ timestamp (Gson's default date format).
    private static final DateTimeFormatter RABBIT_TIME =
            DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

    private MqEvents() {}

    public static ActiveMq activeMq(String brokerName) {
        return new ActiveMq(EventBuilder.required(brokerName, "brokerName"));
    }

    public static RabbitMq rabbitMq(String brokerName) {
        return new RabbitMq(EventBuilder.required(brokerName, "brokerName"));
    }

    private static String brokerArn(EventBuilder<?, ?> b, String name, String brokerId) {
        return "arn:" + b.partition() + ":mq:" + b.region() + ":" + b.accountId() + ":broker:" + name + ":" + brokerId;
    }

    /** Builds an {@link ActiveMQEvent}. */
    public static final class ActiveMq extends EventBuilder<ActiveMq, ActiveMQEvent> {
        private record Message(String queue, String type, byte[] data, Map<String, String> properties) {}

        private final String brokerName;
        private final List<Message> messages = new ArrayList<>();

        private ActiveMq(String brokerName) {
            super(ActiveMQEvent.class);
            this.brokerName = brokerName;
        }

        /** A {@code jms/text-message}. */
        public ActiveMq textMessage(String queue, String text) {
            return message(queue, "jms/text-message", utf8(required(text, "text")), Map.of());
        }

        /** A {@code jms/bytes-message}. */
        public ActiveMq bytesMessage(String queue, byte[] data) {
            return message(queue, "jms/bytes-message", required(data, "data"), Map.of());
        }

        /** A message of any JMS type with its user properties. */
        public ActiveMq message(String queue, String messageType, byte[] data, Map<String, String> properties) {
            messages.add(new Message(
                    required(queue, "queue"),
                    required(messageType, "messageType"),
                    required(data, "data"),
                    new LinkedHashMap<>(required(properties, "properties"))));
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            String brokerId = "b-" + uuid();
            Instant at = now();
            List<Object> out = new ArrayList<>();
            int n = 0;
            for (Message m : messages) {
                n++;
                Map<String, Object> msg = new LinkedHashMap<>();
                msg.put(
                        "messageID",
                        "ID:" + brokerId + "-1.mq." + region() + "." + dnsSuffix() + "-37557-" + at.toEpochMilli()
                                + "-4:1:1:1:" + n);
                msg.put("messageType", m.type());
                msg.put("timestamp", at.toEpochMilli());
                msg.put("deliveryMode", 0);
                msg.put("redelivered", false);
                msg.put("expiration", 0);
                msg.put("priority", 0);
                msg.put("data", base64(m.data()));
                msg.put("brokerInTime", at.toEpochMilli());
                msg.put("brokerOutTime", at.toEpochMilli() + 1);
                msg.put("destination", Map.of("physicalName", m.queue()));
                msg.put("properties", m.properties());
                out.add(msg);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("eventSource", "aws:amq");
            root.put("eventSourceArn", brokerArn(this, brokerName, brokerId));
            root.put("messages", out);
            return root;
        }
    }

    /** Builds a {@link RabbitMQEvent}. */
    public static final class RabbitMq extends EventBuilder<RabbitMq, RabbitMQEvent> {
        private record Message(String queue, byte[] data, Map<String, Object> headers) {}

        private final String brokerName;
        private final List<Message> messages = new ArrayList<>();
        private String virtualHost = "/";

        private RabbitMq(String brokerName) {
            super(RabbitMQEvent.class);
            this.brokerName = brokerName;
        }

        /** The virtual host of the queues; {@code /} unless set. */
        public RabbitMq virtualHost(String virtualHost) {
            this.virtualHost = required(virtualHost, "virtualHost");
            return this;
        }

        public RabbitMq message(String queue, String body) {
            return message(queue, utf8(required(body, "body")));
        }

        public RabbitMq message(String queue, byte[] body) {
            messages.add(new Message(required(queue, "queue"), required(body, "body"), new LinkedHashMap<>()));
            return this;
        }

        /** A header on the last message: text arrives as {@code {"bytes": [...]}}, numbers as they are. */
        public RabbitMq header(String name, Object value) {
            if (messages.isEmpty()) {
                throw new IllegalStateException("header(..) applies to the last message; add a message first");
            }
            Object v = required(value, "value");
            if (v instanceof CharSequence text) {
                List<Integer> bytes = new ArrayList<>();
                for (byte b : utf8(text.toString())) {
                    bytes.add((int) b);
                }
                v = Map.of("bytes", bytes);
            } else if (!(v instanceof Number || v instanceof Boolean)) {
                throw new IllegalArgumentException("a RabbitMQ header is text, a number or a boolean, but '" + name
                        + "' was a " + v.getClass().getName());
            }
            messages.get(messages.size() - 1).headers().put(required(name, "name"), v);
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            String brokerId = "b-" + uuid();
            Instant at = now();
            Map<String, List<Object>> byQueue = new LinkedHashMap<>();
            for (Message m : messages) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("contentType", "text/plain");
                props.put("contentEncoding", null);
                props.put("headers", m.headers());
                props.put("deliveryMode", 1);
                props.put("priority", 0);
                props.put("correlationId", null);
                props.put("replyTo", null);
                props.put("expiration", null);
                props.put("messageId", null);
                props.put("timestamp", RABBIT_TIME.format(at));
                props.put("type", null);
                props.put("userId", "AIDA" + upperAlnum(17));
                props.put("appId", null);
                props.put("clusterId", null);
                props.put("bodySize", m.data().length);
                Map<String, Object> msg = new LinkedHashMap<>();
                msg.put("basicProperties", props);
                msg.put("redelivered", false);
                msg.put("data", base64(m.data()));
                byQueue.computeIfAbsent(m.queue() + "::" + virtualHost, q -> new ArrayList<>())
                        .add(msg);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("eventSource", "aws:rmq");
            root.put("eventSourceArn", brokerArn(this, brokerName, brokerId));
            root.put("rmqMessagesByQueue", byQueue);
            return root;
        }
    }
}

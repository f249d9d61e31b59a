package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apiguardian.api.API;

/**
 * SQS events as the SQS event source mapping delivers them, for standard and FIFO queues.
 *
 * <pre>{@code
 * SQSEvent event = SqsEvents.queue("orders")
 *         .message("first")
 *         .message(m -> m.body("{\"id\":2}").attribute("tenant", "acme").receiveCount(3))
 *         .build();
 * SQSEvent fifo = SqsEvents.queue("orders.fifo").message(m -> m.body("x").groupId("g1")).build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SqsEvents {

    private SqsEvents() {}

    /** A batch from the named queue; a name ending in {@code .fifo} makes a FIFO queue. */
    public static Builder queue(String queueName) {
        return new Builder(EventBuilder.required(queueName, "queueName"));
    }

    /** Builds an {@link SQSEvent}. */
    public static final class Builder extends EventBuilder<Builder, SQSEvent> {
        private final String queueName;
        private final List<Message> messages = new ArrayList<>();

        private Builder(String queueName) {
            super(SQSEvent.class);
            this.queueName = queueName;
        }

        /** Adds a message with this body. */
        public Builder message(String body) {
            return message(m -> m.body(body));
        }

        /** Adds a message configured by {@code spec}. */
        public Builder message(Consumer<Message> spec) {
            Message m = new Message();
            spec.accept(m);
            messages.add(m);
            return this;
        }

        /** Adds {@code count} messages, the i-th (from 0) with body {@code body.apply(i)}. */
        public Builder messages(int count, IntFunction<String> body) {
            for (int i = 0; i < count; i++) {
                String b = body.apply(i);
                message(m -> m.body(b));
            }
            return this;
        }

        public boolean isFifo() {
            return queueName.endsWith(".fifo");
        }

        /** The queue's ARN. */
        public String queueArn() {
            return "arn:" + partition() + ":sqs:" + region() + ":" + accountId() + ":" + queueName;
        }

        @Override
        protected Map<String, Object> tree() {
            List<Object> records = new ArrayList<>();
            Instant sent = now();
            for (Message m : messages) {
                records.add(record(m, sent));
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("Records", records);
            return root;
        }

        private Map<String, Object> record(Message m, Instant sent) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("messageId", m.messageId != null ? m.messageId : uuid());
            r.put("receiptHandle", "AQEB" + base64(96).replace('=', 'A'));
            r.put("body", m.body);
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("ApproximateReceiveCount", Integer.toString(m.receiveCount));
            attributes.put("SentTimestamp", Long.toString(sent.toEpochMilli()));
            attributes.put("SenderId", "AIDA" + upperAlnum(17));
            attributes.put("ApproximateFirstReceiveTimestamp", Long.toString(sent.toEpochMilli() + 4));
            if (isFifo()) {
                attributes.put("SequenceNumber", digits(20));
                attributes.put("MessageGroupId", m.groupId != null ? m.groupId : "default");
                // Content-based deduplication: the SHA-256 of the body.
                attributes.put(
                        "MessageDeduplicationId",
                        m.deduplicationId != null ? m.deduplicationId : digestHex("SHA-256", utf8(m.body)));
            } else if (m.groupId != null || m.deduplicationId != null) {
                throw new IllegalArgumentException("groupId and deduplicationId are for FIFO queues; queue '"
                        + queueName + "' is a standard queue (FIFO queue names end in .fifo)");
            }
            r.put("attributes", attributes);
            Map<String, Object> messageAttributes = new LinkedHashMap<>();
            m.attributes.forEach((k, v) -> {
                Map<String, Object> a = new LinkedHashMap<>();
                if (v.binary() != null) {
                    a.put("binaryValue", base64(v.binary()));
                } else {
                    a.put("stringValue", v.text());
                }
                a.put("stringListValues", List.of());
                a.put("binaryListValues", List.of());
                a.put("dataType", v.dataType());
                messageAttributes.put(k, a);
            });
            r.put("messageAttributes", messageAttributes);
            r.put("md5OfBody", md5Hex(utf8(m.body)));
            if (!m.attributes.isEmpty()) {
                r.put("md5OfMessageAttributes", attributesMd5(m.attributes));
            }
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", queueArn());
            r.put("awsRegion", region());
            return r;
        }
    }

    /**
     * SQS's digest of message attributes: names in order, each as length-prefixed name and data type, the transport
     * byte (1 for String and Number values, 2 for Binary) and the length-prefixed value, then MD5.
     */
    static String attributesMd5(Map<String, Attribute> attributes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TreeMap<>(attributes).forEach((name, value) -> {
            lengthPrefixed(out, EventBuilder.utf8(name));
            lengthPrefixed(out, EventBuilder.utf8(value.dataType()));
            if (value.binary() != null) {
                out.write(2);
                lengthPrefixed(out, value.binary());
            } else {
                out.write(1);
                lengthPrefixed(out, EventBuilder.utf8(value.text()));
            }
        });
        return EventBuilder.md5Hex(out.toByteArray());
    }

    /** A message attribute: its data type and its text or bytes. */
    record Attribute(String dataType, String text, byte[] binary) {
        static Attribute of(String name, String dataType, Object value) {
            EventBuilder.required(name, "attribute name");
            EventBuilder.required(dataType, "dataType");
            EventBuilder.required(value, "value");
            String base = dataType.contains(".") ? dataType.substring(0, dataType.indexOf('.')) : dataType;
            switch (base) {
                case "String", "Number" -> {
                    if (!(value instanceof CharSequence || value instanceof Number)) {
                        throw wrongValue(name, dataType, "text or a number", value);
                    }
                    String text = value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
                    if (base.equals("Number") && !text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                        throw new IllegalArgumentException("attribute '" + name + "' of type " + dataType
                                + " must hold a number, but was '" + text + "'");
                    }
                    return new Attribute(dataType, text, null);
                }
                case "Binary" -> {
                    if (!(value instanceof byte[] bytes)) {
                        throw wrongValue(name, dataType, "a byte[]", value);
                    }
                    return new Attribute(dataType, null, bytes.clone());
                }
                default ->
                    throw new IllegalArgumentException("attribute '" + name + "' has data type '" + dataType
                            + "'; SQS and SNS data types are String, Number or Binary, optionally with a custom suffix "
                            + "such as Number.float");
            }
        }

        private static IllegalArgumentException wrongValue(String name, String type, String expected, Object value) {
            return new IllegalArgumentException("attribute '" + name + "' of type " + type + " takes " + expected
                    + ", but was a " + value.getClass().getName());
        }
    }

    private static void lengthPrefixed(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes.length >>> 24);
        out.write(bytes.length >>> 16);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    /** One message of a batch. */
    public static final class Message {
        private String body = "";
        private String messageId;
        private int receiveCount = 1;
        private String groupId;
        private String deduplicationId;
        private final Map<String, Attribute> attributes = new LinkedHashMap<>();

        private Message() {}

        public Message body(String body) {
            this.body = EventBuilder.required(body, "body");
            return this;
        }

        /** A fixed message id, to assert on partial batch failures; a random UUID otherwise. */
        public Message messageId(String messageId) {
            this.messageId = messageId;
            return this;
        }

        /** {@code ApproximateReceiveCount}: how often the message was received, this time included. */
        public Message receiveCount(int receiveCount) {
            if (receiveCount < 1) {
                throw new IllegalArgumentException("receiveCount must be at least 1, but was " + receiveCount);
            }
            this.receiveCount = receiveCount;
            return this;
        }

        /** A String message attribute. */
        public Message attribute(String name, String value) {
            return attribute(name, "String", value);
        }

        /** A Number message attribute, sent as its decimal text. */
        public Message attribute(String name, Number value) {
            return attribute(name, "Number", value);
        }

        /** A Binary message attribute, Base64-encoded in the event. */
        public Message attribute(String name, byte[] value) {
            return attribute(name, "Binary", value);
        }

        /**
         * A message attribute of any data type, custom suffixes included ({@code Number.float},
         * {@code Binary.gzip}): text or a number for String and Number types, a {@code byte[]} for Binary.
         */
        public Message attribute(String name, String dataType, Object value) {
            attributes.put(name, Attribute.of(name, dataType, value));
            return this;
        }

        /** FIFO only: {@code MessageGroupId}. */
        public Message groupId(String groupId) {
            this.groupId = groupId;
            return this;
        }

        /** FIFO only: {@code MessageDeduplicationId}. */
        public Message deduplicationId(String deduplicationId) {
            this.deduplicationId = deduplicationId;
            return this;
        }
    }
}

package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apiguardian.api.API;

/**
 * SNS notifications as a Lambda subscription receives them (UpperCamelCase field names, as SNS sends).
 *
 * <pre>{@code
 * SNSEvent event = SnsEvents.topic("orders").message(m -> m.subject("New order").message("{\"id\":1}")
 *         .attribute("tenant", "acme")).build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SnsEvents {

    private SnsEvents() {}

    public static Builder topic(String topicName) {
        return new Builder(EventBuilder.required(topicName, "topicName"));
    }

    /** Builds an {@link SNSEvent}. */
    public static final class Builder extends EventBuilder<Builder, SNSEvent> {
        private final String topicName;
        private final List<Notification> notifications = new ArrayList<>();

        private Builder(String topicName) {
            super(SNSEvent.class);
            this.topicName = topicName;
        }

        public Builder message(String message) {
            return message(n -> n.message(message));
        }

        public Builder message(Consumer<Notification> spec) {
            Notification n = new Notification();
            spec.accept(n);
            notifications.add(n);
            return this;
        }

        public Builder messages(int count, IntFunction<String> message) {
            for (int i = 0; i < count; i++) {
                String m = message.apply(i);
                message(n -> n.message(m));
            }
            return this;
        }

        public String topicArn() {
            return "arn:" + partition() + ":sns:" + region() + ":" + accountId() + ":" + topicName;
        }

        @Override
        protected Map<String, Object> tree() {
            List<Object> records = new ArrayList<>();
            Instant at = now();
            for (Notification n : notifications) {
                String subscription = topicArn() + ":" + uuid();
                Map<String, Object> sns = new LinkedHashMap<>();
                sns.put("Type", "Notification");
                sns.put("MessageId", uuid());
                sns.put("TopicArn", topicArn());
                sns.put("Subject", n.subject);
                sns.put("Message", n.message);
                sns.put("Timestamp", isoMillis(at));
                sns.put("SignatureVersion", "1");
                sns.put("Signature", base64(256));
                sns.put(
                        "SigningCertUrl",
                        "https://sns." + region() + "." + dnsSuffix() + "/SimpleNotificationService-" + hex(32)
                                + ".pem");
                sns.put(
                        "UnsubscribeUrl",
                        "https://sns." + region() + "." + dnsSuffix() + "/?Action=Unsubscribe" + "&SubscriptionArn="
                                + subscription);
                Map<String, Object> attributes = new LinkedHashMap<>();
                n.attributes.forEach((k, v) -> {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("Type", v.dataType());
                    a.put("Value", v.binary() != null ? base64(v.binary()) : v.text());
                    attributes.put(k, a);
                });
                sns.put("MessageAttributes", attributes);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("EventSource", "aws:sns");
                r.put("EventVersion", "1.0");
                r.put("EventSubscriptionArn", subscription);
                r.put("Sns", sns);
                records.add(r);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("Records", records);
            return root;
        }
    }

    /** One notification. */
    public static final class Notification {
        private String message = "";
        private String subject;
        private final Map<String, SqsEvents.Attribute> attributes = new LinkedHashMap<>();

        private Notification() {}

        public Notification message(String message) {
            this.message = EventBuilder.required(message, "message");
            return this;
        }

        /** The subject; SNS sends {@code null} when the publisher gave none. */
        public Notification subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Notification attribute(String name, String value) {
            return attribute(name, "String", value);
        }

        public Notification attribute(String name, Number value) {
            return attribute(name, "Number", value);
        }

        /** A Binary attribute, Base64-encoded in the notification. */
        public Notification attribute(String name, byte[] value) {
            return attribute(name, "Binary", value);
        }

        /**
         * An attribute of any SNS data type: {@code String}, {@code String.Array} (a JSON array as text),
         * {@code Number} or {@code Binary}.
         */
        public Notification attribute(String name, String dataType, Object value) {
            attributes.put(name, SqsEvents.Attribute.of(name, dataType, value));
            return this;
        }
    }
}

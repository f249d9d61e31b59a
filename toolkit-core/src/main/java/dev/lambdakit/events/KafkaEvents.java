package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apiguardian.api.API;

/**
 * Amazon MSK and self-managed Kafka batches: records grouped by {@code topic-partition}, keys and values Base64,
 * header values as arrays of signed bytes, as the event source mapping delivers them.
 *
 * <pre>{@code
 * KafkaEvent event = KafkaEvents.msk("orders-cluster")
 *         .record("orders", 0, "o-1", "{\"total\":42}")
 *         .record("orders", 1, null, "{\"total\":7}")
 *         .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class KafkaEvents {

    private KafkaEvents() {}

    /** From an Amazon MSK cluster. */
    public static Builder msk(String clusterName) {
        return new Builder(EventBuilder.required(clusterName, "clusterName"), true);
    }

    /** From a self-managed cluster at these bootstrap servers. */
    public static Builder selfManaged(String bootstrapServers) {
        return new Builder(EventBuilder.required(bootstrapServers, "bootstrapServers"), false);
    }

    /** Builds a {@link KafkaEvent}. */
    public static final class Builder extends EventBuilder<Builder, KafkaEvent> {
        private final String cluster;
        private final boolean msk;
        private final List<Object[]> records = new ArrayList<>();
        private final Map<String, Long> offsets = new LinkedHashMap<>();

        private Builder(String cluster, boolean msk) {
            super(KafkaEvent.class);
            this.cluster = cluster;
            this.msk = msk;
        }

        /** {@code count} records on one partition, the i-th (from 0) with value {@code value.apply(i)}. */
        public Builder records(String topic, int partition, int count, IntFunction<String> value) {
            for (int i = 0; i < count; i++) {
                record(topic, partition, null, value.apply(i));
            }
            return this;
        }

        /** A record; {@code key} may be null. */
        public Builder record(String topic, int partition, String key, String value) {
            return record(topic, partition, key, value, Map.of());
        }

        public Builder record(String topic, int partition, String key, String value, Map<String, String> headers) {
            records.add(new Object[] {required(topic, "topic"), partition, key, required(value, "value"), headers});
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            Instant at = now();
            Map<String, Object> grouped = new LinkedHashMap<>();
            for (Object[] r : records) {
                String topic = (String) r[0];
                int partition = (Integer) r[1];
                String tp = topic + "-" + partition;
                long offset = offsets.merge(tp, 1L, Long::sum) + 14;
                Map<String, Object> rec = new LinkedHashMap<>();
                rec.put("topic", topic);
                rec.put("partition", partition);
                rec.put("offset", offset);
                rec.put("timestamp", at.toEpochMilli());
                rec.put("timestampType", "CREATE_TIME");
                if (r[2] != null) {
                    rec.put("key", base64(utf8((String) r[2])));
                }
                rec.put("value", base64(utf8((String) r[3])));
                List<Object> headers = new ArrayList<>();
                @SuppressWarnings("unchecked")
                Map<String, String> given = (Map<String, String>) r[4];
                given.forEach((name, value) -> {
                    List<Integer> bytes = new ArrayList<>();
                    for (byte b : utf8(value)) {
                        bytes.add((int) b);
                    }
                    headers.add(new LinkedHashMap<>(Map.of(name, bytes)));
                });
                rec.put("headers", headers);
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) grouped.computeIfAbsent(tp, k -> new ArrayList<>());
                list.add(rec);
            }
            offsets.clear();
            Map<String, Object> root = new LinkedHashMap<>();
            if (msk) {
                root.put("eventSource", "aws:kafka");
                root.put(
                        "eventSourceArn",
                        "arn:" + partition() + ":kafka:" + region() + ":" + accountId() + ":cluster/" + cluster + "/"
                                + uuid() + "-1");
                root.put(
                        "bootstrapServers",
                        "b-1." + cluster + ".abc123.c2.kafka." + region() + "." + dnsSuffix() + ":9092,b-2." + cluster
                                + ".abc123.c2.kafka." + region() + "." + dnsSuffix() + ":9092");
            } else {
                root.put("eventSource", "SelfManagedKafka");
                root.put("bootstrapServers", cluster);
            }
            root.put("records", grouped);
            return root;
        }
    }
}

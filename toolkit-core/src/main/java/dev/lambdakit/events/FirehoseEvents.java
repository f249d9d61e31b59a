package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent;
import com.amazonaws.services.lambda.runtime.events.MSKFirehoseEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apiguardian.api.API;

/**
 * Amazon Data Firehose transformation requests, records Base64-encoded: from direct puts, from a Kinesis data
 * stream (each record with its {@code kinesisRecordMetadata}), or from an MSK cluster.
 *
 * <pre>{@code
 * KinesisFirehoseEvent event = FirehoseEvents.deliveryStream("clicks").record("{\"page\":\"/\"}").build();
 * KinesisFirehoseEvent fromStream = FirehoseEvents.deliveryStream("clicks").sourceStream("raw-clicks").record("x")
 *         .build();
 * MSKFirehoseEvent fromMsk = FirehoseEvents.mskSource("clicks", "events-cluster").record("x").build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FirehoseEvents {

    private FirehoseEvents() {}

    public static Builder deliveryStream(String name) {
        return new Builder(EventBuilder.required(name, "name"));
    }

    /** A delivery stream whose source is an MSK cluster. */
    public static Msk mskSource(String deliveryStreamName, String clusterName) {
        return new Msk(
                EventBuilder.required(deliveryStreamName, "deliveryStreamName"),
                EventBuilder.required(clusterName, "clusterName"));
    }

    /** Builds a {@link KinesisFirehoseEvent}. */
    public static final class Builder extends EventBuilder<Builder, KinesisFirehoseEvent> {
        private final String name;
        private final List<byte[]> records = new ArrayList<>();
        private String sourceStream;

        private Builder(String name) {
            super(KinesisFirehoseEvent.class);
            this.name = name;
        }

        /** The Kinesis data stream the delivery stream reads: records carry their shard, key and sequence. */
        public Builder sourceStream(String kinesisStreamName) {
            this.sourceStream = required(kinesisStreamName, "kinesisStreamName");
            return this;
        }

        public Builder record(String data) {
            return record(utf8(required(data, "data")));
        }

        public Builder records(int count, IntFunction<String> data) {
            for (int i = 0; i < count; i++) {
                record(data.apply(i));
            }
            return this;
        }

        public Builder record(byte[] data) {
            records.add(required(data, "data"));
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            Instant at = now();
            List<Object> out = new ArrayList<>();
            int n = 0;
            for (byte[] data : records) {
                String id = "4954" + digits(52);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("recordId", id);
                r.put("approximateArrivalTimestamp", at.toEpochMilli());
                r.put("data", base64(data));
                if (sourceStream != null) {
                    // Firehose passes the stream's metadata as strings, the arrival time as ISO text.
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("shardId", "shardId-000000000000");
                    m.put("partitionKey", "partition-" + n);
                    m.put("approximateArrivalTimestamp", isoMillis(at));
                    m.put("sequenceNumber", id);
                    m.put("subsequenceNumber", "");
                    r.put("kinesisRecordMetadata", m);
                }
                out.add(r);
                n++;
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("invocationId", uuid());
            root.put(
                    "deliveryStreamArn",
                    "arn:" + partition() + ":firehose:" + region() + ":" + accountId() + ":deliverystream/" + name);
            if (sourceStream != null) {
                root.put(
                        "sourceKinesisStreamArn",
                        "arn:" + partition() + ":kinesis:" + region() + ":" + accountId() + ":stream/" + sourceStream);
            }
            root.put("region", region());
            root.put("records", out);
            return root;
        }
    }

    /** Builds an {@link MSKFirehoseEvent}: Kafka record values with their offset and partition. */
    public static final class Msk extends EventBuilder<Msk, MSKFirehoseEvent> {
        private final String name;
        private final String cluster;
        private final List<byte[]> records = new ArrayList<>();

        private Msk(String name, String cluster) {
            super(MSKFirehoseEvent.class);
            this.name = name;
            this.cluster = cluster;
        }

        public Msk record(String value) {
            return record(utf8(required(value, "value")));
        }

        public Msk record(byte[] value) {
            records.add(required(value, "value"));
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            Instant at = now();
            List<Object> out = new ArrayList<>();
            long offset = 0;
            for (byte[] value : records) {
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("offset", String.valueOf(offset++));
                meta.put("partitionId", "0");
                meta.put("approximateArrivalTimestamp", at.toEpochMilli());
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("recordId", "4954" + digits(58));
                r.put("approximateArrivalTimestamp", at.toEpochMilli());
                r.put("mskRecordMetadata", meta);
                r.put("kafkaRecordValue", base64(value));
                out.add(r);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("invocationId", uuid());
            root.put(
                    "sourceMSKArn",
                    "arn:" + partition() + ":kafka:" + region() + ":" + accountId() + ":cluster/" + cluster + "/"
                            + uuid() + "-1");
            root.put(
                    "deliveryStreamArn",
                    "arn:" + partition() + ":firehose:" + region() + ":" + accountId() + ":deliverystream/" + name);
            root.put("region", region());
            root.put("records", out);
            return root;
        }
    }
}

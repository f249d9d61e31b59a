package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apiguardian.api.API;

/**
 * Kinesis Data Streams records, data Base64-encoded as Kinesis delivers it.
 *
 * <pre>{@code
 * KinesisEvent event = KinesisEvents.stream("clicks").record("user-1", "{\"page\":\"/\"}").build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class KinesisEvents {

    private KinesisEvents() {}

    public static Builder stream(String streamName) {
        return new Builder(EventBuilder.required(streamName, "streamName"));
    }

    /** Builds a {@link KinesisEvent}. */
    public static final class Builder extends EventBuilder<Builder, KinesisEvent> {
        private final String streamName;
        private final List<Object[]> records = new ArrayList<>();

        private Builder(String streamName) {
            super(KinesisEvent.class);
            this.streamName = streamName;
        }

        /** A record with UTF-8 text data. */
        public Builder record(String partitionKey, String data) {
            return record(partitionKey, utf8(required(data, "data")));
        }

        public Builder record(String partitionKey, byte[] data) {
            records.add(new Object[] {required(partitionKey, "partitionKey"), required(data, "data")});
            return this;
        }

        public Builder records(int count, IntFunction<String> data) {
            for (int i = 0; i < count; i++) {
                record("partition-" + i, data.apply(i));
            }
            return this;
        }

        /** This batch as delivered for a tumbling window of the given length (at most 15 minutes). */
        public TumblingWindow<KinesisTimeWindowEvent> tumblingWindow(Duration length) {
            return new TumblingWindow<>(
                    KinesisTimeWindowEvent.class, this, this::streamArn, "shardId-000000000000", length);
        }

        public String streamArn() {
            return "arn:" + partition() + ":kinesis:" + region() + ":" + accountId() + ":stream/" + streamName;
        }

        @Override
        protected Map<String, Object> tree() {
            List<Object> out = new ArrayList<>();
            Instant at = now();
            String shard = "shardId-000000000000";
            for (Object[] r : records) {
                String sequence = "4959" + digits(52);
                Map<String, Object> kinesis = new LinkedHashMap<>();
                kinesis.put("kinesisSchemaVersion", "1.0");
                kinesis.put("partitionKey", r[0]);
                kinesis.put("sequenceNumber", sequence);
                kinesis.put("data", base64((byte[]) r[1]));
                kinesis.put("approximateArrivalTimestamp", BigDecimal.valueOf(at.toEpochMilli(), 3));
                kinesis.put("encryptionType", "NONE");
                Map<String, Object> rec = new LinkedHashMap<>();
                rec.put("kinesis", kinesis);
                rec.put("eventSource", "aws:kinesis");
                rec.put("eventVersion", "1.0");
                rec.put("eventID", shard + ":" + sequence);
                rec.put("eventName", "aws:kinesis:record");
                rec.put(
                        "invokeIdentityArn",
                        "arn:" + partition() + ":iam::" + accountId() + ":role/lambda-kinesis-role");
                rec.put("awsRegion", region());
                rec.put("eventSourceARN", streamArn());
                out.add(rec);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("Records", out);
            return root;
        }
    }
}

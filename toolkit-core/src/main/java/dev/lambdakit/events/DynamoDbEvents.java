package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apiguardian.api.API;

/**
 * DynamoDB Streams records: INSERT, MODIFY and REMOVE with new and old images, from plain Java maps (see
 * {@link AttributeValues#fromJava}) or AWS SDK v2 {@code AttributeValue}s.
 *
 * <pre>{@code
 * DynamodbEvent event = DynamoDbEvents.table("orders").keys("id")
 *         .insert(Map.of("id", "o-1", "total", 42))
 *         .modify(Map.of("id", "o-1", "total", 42), Map.of("id", "o-1", "total", 50))
 *         .remove(Map.of("id", "o-1", "total", 50))
 *         .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DynamoDbEvents {

    private DynamoDbEvents() {}

    public static Builder table(String tableName) {
        return new Builder(EventBuilder.required(tableName, "tableName"));
    }

    /** What a stream's records carry, as the table's stream setting says. */
    public enum StreamViewType {
        KEYS_ONLY,
        NEW_IMAGE,
        OLD_IMAGE,
        NEW_AND_OLD_IMAGES
    }

    /** Builds a {@link DynamodbEvent}. */
    public static final class Builder extends EventBuilder<Builder, DynamodbEvent> {
        private final String tableName;
        private final List<Object[]> changes = new ArrayList<>();
        private List<String> keyNames = List.of();
        private StreamViewType viewType = StreamViewType.NEW_AND_OLD_IMAGES;

        private Builder(String tableName) {
            super(DynamodbEvent.class);
            this.tableName = tableName;
        }

        /** The table's key attributes (partition key, then sort key); default: {@code id}, else the first one. */
        public Builder keys(String... names) {
            this.keyNames = List.of(names);
            return this;
        }

        public Builder viewType(StreamViewType viewType) {
            this.viewType = required(viewType, "viewType");
            return this;
        }

        /** A new item (Java values or SDK AttributeValues). */
        public Builder insert(Map<String, ?> newImage) {
            changes.add(new Object[] {"INSERT", null, required(newImage, "newImage"), false});
            return this;
        }

        /** {@code count} inserts, the i-th (from 0) of item {@code item.apply(i)}. */
        public Builder inserts(int count, IntFunction<Map<String, ?>> item) {
            for (int i = 0; i < count; i++) {
                insert(item.apply(i));
            }
            return this;
        }

        public Builder modify(Map<String, ?> oldImage, Map<String, ?> newImage) {
            changes.add(new Object[] {"MODIFY", required(oldImage, "oldImage"), required(newImage, "newImage"), false});
            return this;
        }

        public Builder remove(Map<String, ?> oldImage) {
            changes.add(new Object[] {"REMOVE", required(oldImage, "oldImage"), null, false});
            return this;
        }

        /** A removal by time to live: DynamoDB itself is the {@code userIdentity}. */
        public Builder expire(Map<String, ?> oldImage) {
            changes.add(new Object[] {"REMOVE", required(oldImage, "oldImage"), null, true});
            return this;
        }

        /** This batch as delivered for a tumbling window of the given length (at most 15 minutes). */
        public TumblingWindow<DynamodbTimeWindowEvent> tumblingWindow(Duration length) {
            return new TumblingWindow<>(
                    DynamodbTimeWindowEvent.class,
                    this,
                    this::streamArn,
                    "shardId-00000001767225600000-" + "a1b2c3d4",
                    length);
        }

        public String streamArn() {
            return "arn:" + partition() + ":dynamodb:" + region() + ":" + accountId() + ":table/" + tableName
                    + "/stream/"
                    + isoMillis(Instant.parse("2026-01-01T00:00:00Z")).replace("Z", "");
        }

        @Override
        protected Map<String, Object> tree() {
            List<Object> records = new ArrayList<>();
            long sequence = Long.parseLong(digits(15));
            Instant at = now();
            for (Object[] c : changes) {
                @SuppressWarnings("unchecked")
                Map<String, Object> oldImage = c[1] == null ? null : AttributeValues.fromJava((Map<String, ?>) c[1]);
                @SuppressWarnings("unchecked")
                Map<String, Object> newImage = c[2] == null ? null : AttributeValues.fromJava((Map<String, ?>) c[2]);
                Map<String, Object> image = newImage != null ? newImage : oldImage;
                Map<String, Object> keys = new LinkedHashMap<>();
                for (String k : keyNames(image)) {
                    if (!image.containsKey(k)) {
                        throw new IllegalArgumentException(
                                "The item has no key attribute '" + k + "'; its attributes " + "are " + image.keySet());
                    }
                    keys.put(k, image.get(k));
                }
                Map<String, Object> ddb = new LinkedHashMap<>();
                ddb.put("ApproximateCreationDateTime", at.getEpochSecond());
                ddb.put("Keys", keys);
                boolean withNew = viewType == StreamViewType.NEW_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
                boolean withOld = viewType == StreamViewType.OLD_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
                long size = AttributeValues.size(keys);
                if (withNew && newImage != null) {
                    ddb.put("NewImage", newImage);
                    size += AttributeValues.size(newImage);
                }
                if (withOld && oldImage != null) {
                    ddb.put("OldImage", oldImage);
                    size += AttributeValues.size(oldImage);
                }
                ddb.put("SequenceNumber", "4" + (sequence++) + digits(12));
                ddb.put("SizeBytes", size);
                ddb.put("StreamViewType", viewType.name());
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("eventID", hex(32));
                r.put("eventName", c[0]);
                r.put("eventVersion", "1.1");
                r.put("eventSource", "aws:dynamodb");
                r.put("awsRegion", region());
                r.put("dynamodb", ddb);
                r.put("eventSourceARN", streamArn());
                if ((Boolean) c[3]) {
                    r.put(
                            "userIdentity",
                            new LinkedHashMap<>(Map.of("principalId", "dynamodb.amazonaws.com", "type", "Service")));
                }
                records.add(r);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("Records", records);
            return root;
        }

        private List<String> keyNames(Map<String, Object> image) {
            if (!keyNames.isEmpty()) {
                return keyNames;
            }
            if (image.containsKey("id")) {
                return List.of("id");
            }
            if (image.isEmpty()) {
                throw new IllegalArgumentException("An item needs at least its key attributes");
            }
            return List.of(image.keySet().iterator().next());
        }
    }
}

package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Amazon DocumentDB change streams: batches of change events in MongoDB Extended JSON ({@code $oid},
 * {@code $timestamp}), as the event source mapping delivers them. The events library has no class for it, so
 * {@link Builder#build()} gives nested maps.
 *
 * <pre>{@code
 * Map<String, Object> event = DocumentDbEvents.cluster("orders-cluster")
 *         .insert("shop", "orders", Map.of("sku", "A-1", "qty", 2))
 *         .delete("shop", "orders")
 *         .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DocumentDbEvents {

    private DocumentDbEvents() {}

    public static Builder cluster(String clusterName) {
        return new Builder(EventBuilder.required(clusterName, "clusterName"));
    }

    /** Builds a change stream batch as a map. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static final class Builder extends EventBuilder<Builder, Map> {
        private record Change(String operation, String db, String collection, Map<String, Object> document) {}

        private final String cluster;
        private final List<Change> changes = new ArrayList<>();

        private Builder(String cluster) {
            super(Map.class);
            this.cluster = cluster;
        }

        /** An inserted document; its {@code _id} is made unless the document has one. */
        public Builder insert(String db, String collection, Map<String, ?> document) {
            return change("insert", db, collection, required(document, "document"));
        }

        /** An updated document, delivered whole as the stream's {@code fullDocument: updateLookup} gives it. */
        public Builder update(String db, String collection, Map<String, ?> document) {
            return change("update", db, collection, required(document, "document"));
        }

        /** A deleted document: only its key is sent. */
        public Builder delete(String db, String collection) {
            return change("delete", db, collection, null);
        }

        private Builder change(String operation, String db, String collection, Map<String, ?> document) {
            changes.add(new Change(
                    operation,
                    required(db, "db"),
                    required(collection, "collection"),
                    document == null ? null : new LinkedHashMap<>(document)));
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            Instant at = now();
            List<Object> events = new ArrayList<>();
            int increment = 1;
            for (Change c : changes) {
                Object id = c.document() != null && c.document().containsKey("_id")
                        ? c.document().get("_id")
                        : Map.of("$oid", hex(24));
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("_id", Map.of("_data", "01" + hex(34)));
                event.put("clusterTime", Map.of("$timestamp", Map.of("t", at.getEpochSecond(), "i", increment++)));
                event.put("documentKey", Map.of("_id", id));
                if (c.document() != null) {
                    Map<String, Object> full = new LinkedHashMap<>();
                    full.put("_id", id);
                    c.document().forEach(full::putIfAbsent);
                    event.put("fullDocument", full);
                }
                event.put("ns", Map.of("db", c.db(), "coll", c.collection()));
                event.put("operationType", c.operation());
                events.add(Map.of("event", event));
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put(
                    "eventSourceArn",
                    "arn:" + partition() + ":rds:" + region() + ":" + accountId() + ":cluster:" + cluster);
            root.put("events", events);
            root.put("eventSource", "aws:docdb");
            return root;
        }
    }
}

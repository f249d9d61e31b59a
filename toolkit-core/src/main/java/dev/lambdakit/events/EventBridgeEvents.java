package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * EventBridge events, with a typed detail object serialized as JSON, and scheduled events. The Java events library
 * represents both with {@link ScheduledEvent}; {@link #detail(ScheduledEvent, Class)} reads the detail back as a type.
 *
 * <pre>{@code
 * ScheduledEvent placed = EventBridgeEvents.event("com.acme.orders", "OrderPlaced", new OrderPlaced("o-1", 42))
 *         .build();
 * ScheduledEvent tick = EventBridgeEvents.scheduled("nightly-cleanup").build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class EventBridgeEvents {

    private EventBridgeEvents() {}

    /** A custom event; {@code detail} is serialized as the runtime's Jackson configuration serializes it. */
    public static Builder event(String source, String detailType, Object detail) {
        return new Builder(
                EventBuilder.required(source, "source"), EventBuilder.required(detailType, "detailType"), detail);
    }

    /** What an EventBridge schedule rule sends. */
    public static Builder scheduled(String ruleName) {
        Builder b = new Builder("aws.events", "Scheduled Event", Map.of());
        b.rule = EventBuilder.required(ruleName, "ruleName");
        return b;
    }

    /** The event's detail read as {@code type}. */
    public static <T> T detail(ScheduledEvent event, Class<T> type) {
        return EventJson.fromJson(EventJson.toJsonString(event.getDetail()), type);
    }

    /** Builds a {@link ScheduledEvent}. */
    public static final class Builder extends EventBuilder<Builder, ScheduledEvent> {
        private final String source;
        private final String detailType;
        private final Object detail;
        private final List<String> resources = new ArrayList<>();
        private String rule;

        private Builder(String source, String detailType, Object detail) {
            super(ScheduledEvent.class);
            this.source = source;
            this.detailType = detailType;
            this.detail = detail;
        }

        /** Adds an ARN to {@code resources}. */
        public Builder resource(String arn) {
            resources.add(required(arn, "arn"));
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("version", "0");
            root.put("id", uuid());
            root.put("detail-type", detailType);
            root.put("source", source);
            root.put("account", accountId());
            root.put("time", isoSeconds(now()));
            root.put("region", region());
            List<String> all = new ArrayList<>(resources);
            if (rule != null) {
                all.add(0, "arn:" + partition() + ":events:" + region() + ":" + accountId() + ":rule/" + rule);
            }
            root.put("resources", all);
            root.put("detail", detailTree());
            return root;
        }

        private Object detailTree() {
            if (detail == null) {
                return new LinkedHashMap<>();
            }
            try {
                return EventJson.fromJson(EventJson.toJsonString(detail), Object.class);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "The detail object of type " + detail.getClass().getName()
                                + " could not be serialized to JSON: " + e.getMessage(),
                        e);
            }
        }
    }
}

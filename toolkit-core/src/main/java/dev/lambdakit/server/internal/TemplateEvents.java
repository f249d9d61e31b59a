package dev.lambdakit.server.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.lambdakit.events.EventBridgeEvents;
import dev.lambdakit.events.EventBuilder;
import dev.lambdakit.events.EventJson;
import dev.lambdakit.events.S3Events;
import dev.lambdakit.events.SnsEvents;
import dev.lambdakit.events.SqsEvents;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.template.TemplateEvent;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The event a template's {@code S3}, {@code SNS}, {@code SQS}, {@code Schedule}/{@code ScheduleV2} or {@code
 * EventBridgeRule} event would deliver, built from its properties: the bucket and the first of its {@code Events}
 * with a key that passes its prefix and suffix filter, the topic, the queue, the rule's name, the pattern's first
 * source and detail type.
 */
@API(status = INTERNAL, since = "0.1")
public final class TemplateEvents {

    private TemplateEvents() {}

    /**
     * @param body the message (SQS, SNS), the object key (S3) or the detail JSON (EventBridge); null for a default
     */
    public static String build(TemplateEvent event, FunctionConfig function, String body) {
        Map<String, Object> p = event.properties();
        EventBuilder<?, ?> builder = switch (event.type()) {
            case "S3" -> s3(p, body);
            case "SNS" -> SnsEvents.topic(lastSegment(p.get("Topic"))).message(body == null ? "{}" : body);
            case "SQS" -> SqsEvents.queue(lastSegment(p.get("Queue"))).message(body == null ? "{}" : body);
            case "Schedule", "ScheduleV2" ->
                EventBridgeEvents.scheduled(
                        p.get("Name") != null
                                ? String.valueOf(p.get("Name"))
                                : function.functionName() + "-" + event.name());
            case "EventBridgeRule", "CloudWatchEvent" -> eventBridge(p, body);
            default ->
                throw new IllegalArgumentException("Event " + event.name() + " is a " + event.type()
                        + " event; LambdaKit builds S3, SNS, SQS, Schedule, ScheduleV2 and EventBridgeRule events "
                        + "from a template (HTTP events go through the HTTP front)");
        };
        return builder.region(function.region()).accountId(function.accountId()).toJson();
    }

    private static EventBuilder<?, ?> s3(Map<String, Object> p, String key) {
        Object events = p.get("Events");
        String first = String.valueOf(events instanceof List<?> list && !list.isEmpty() ? list.get(0) : events);
        // "s3:ObjectCreated:*" delivers a concrete event such as ObjectCreated:Put
        String name = first.replaceFirst("^s3:", "").replace(":*", first.contains("Removed") ? ":Delete" : ":Put");
        String prefix = "";
        String suffix = "";
        if (p.get("Filter") instanceof Map<?, ?> filter
                && filter.get("S3Key") instanceof Map<?, ?> s3Key
                && s3Key.get("Rules") instanceof List<?> rules) {
            for (Object rule : rules) {
                if (rule instanceof Map<?, ?> r) {
                    if ("prefix".equalsIgnoreCase(String.valueOf(r.get("Name")))) {
                        prefix = String.valueOf(r.get("Value"));
                    } else if ("suffix".equalsIgnoreCase(String.valueOf(r.get("Name")))) {
                        suffix = String.valueOf(r.get("Value"));
                    }
                }
            }
        }
        String object = key != null ? key : prefix + "object" + suffix;
        return S3Events.bucket(String.valueOf(p.get("Bucket"))).event(name, object, 1024);
    }

    private static EventBuilder<?, ?> eventBridge(Map<String, Object> p, String detail) {
        Map<?, ?> pattern = p.get("Pattern") instanceof Map<?, ?> m ? m : Map.of();
        return EventBridgeEvents.event(
                first(pattern.get("source"), "com.example"),
                first(pattern.get("detail-type"), "Event"),
                detail == null ? Map.of() : EventJson.toTree(detail));
    }

    private static String first(Object value, String fallback) {
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String s) {
            return s;
        }
        return value instanceof String s ? s : fallback;
    }

    /** A queue or topic name from its ARN (or URL), as the template's Ref or GetAtt gives it. */
    private static String lastSegment(Object arnOrUrl) {
        String text = String.valueOf(arnOrUrl);
        return text.substring(Math.max(text.lastIndexOf(':'), text.lastIndexOf('/')) + 1);
    }
}

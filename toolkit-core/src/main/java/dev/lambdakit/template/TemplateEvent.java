package dev.lambdakit.template;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * One entry of a SAM function's {@code Events}, with its intrinsics resolved.
 *
 * <pre>{@code
 * TemplateEvent api = template.function("CreateOrderFunction").events().get("CreateOrder");
 * assert api.type().equals("HttpApi");
 * assert api.properties().get("Path").equals("/orders");
 * }</pre>
 *
 * @param name the event's key under {@code Events}
 * @param type its {@code Type}: {@code Api}, {@code HttpApi}, {@code SQS}, {@code S3}, ...
 * @param properties its {@code Properties}: strings, booleans, lists and maps
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TemplateEvent(String name, String type, Map<String, Object> properties) {

    public TemplateEvent {
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }
}

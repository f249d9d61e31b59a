package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * An Application Load Balancer request to a Lambda target. Header names are lower-case; query parameters arrive
 * exactly as the client encoded them, because ALB does not decode query strings (a test's {@code query("q", "a b")}
 * arrives as {@code a%20b}). With {@link #multiValueHeaders()} the target group's multi-value mode is on, and only
 * the {@code multiValue*} maps are sent.
 *
 * <pre>{@code
 * ApplicationLoadBalancerRequestEvent event = AlbEvents.request().get("/search").query("q", "red shoes").build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AlbEventBuilder extends HttpEventBuilder<AlbEventBuilder, ApplicationLoadBalancerRequestEvent> {

    private boolean multiValue;
    private String targetGroup = "lambdakit-targets";

    AlbEventBuilder() {
        super(ApplicationLoadBalancerRequestEvent.class, "");
    }

    /** Turns on the target group's multi-value headers setting. */
    public AlbEventBuilder multiValueHeaders() {
        this.multiValue = true;
        return this;
    }

    public AlbEventBuilder targetGroup(String name) {
        this.targetGroup = required(name, "name");
        return this;
    }

    @Override
    protected Map<String, Object> tree() {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        allHeaders("lambdakit-alb-" + hex(8) + "." + region() + ".elb.amazonaws.com")
                .forEach((k, v) -> lower.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>())
                        .addAll(v));
        lower.remove("x-forwarded-port");
        lower.put("x-forwarded-port", List.of("443"));
        Map<String, List<String>> encodedQuery = new LinkedHashMap<>();
        query.forEach((k, values) -> values.forEach(v ->
                encodedQuery.computeIfAbsent(encode(k), x -> new ArrayList<>()).add(encode(v))));
        Map<String, Object> elb = new LinkedHashMap<>();
        elb.put(
                "targetGroupArn",
                "arn:" + partition() + ":elasticloadbalancing:" + region() + ":" + accountId() + ":targetgroup/"
                        + targetGroup + "/" + hex(16));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("requestContext", new LinkedHashMap<>(Map.of("elb", elb)));
        root.put("httpMethod", method);
        root.put("path", path);
        if (multiValue) {
            root.put("multiValueQueryStringParameters", encodedQuery);
            root.put("multiValueHeaders", lower);
        } else {
            root.put("queryStringParameters", lastValues(encodedQuery));
            root.put("headers", lastValues(lower));
        }
        root.put("body", body != null ? body : "");
        root.put("isBase64Encoded", base64Encoded);
        return root;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

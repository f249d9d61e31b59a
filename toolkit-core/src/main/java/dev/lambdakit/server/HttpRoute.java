package dev.lambdakit.server;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.template.SamTemplate;
import dev.lambdakit.template.TemplateEvent;
import dev.lambdakit.template.TemplateFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A route of an {@link HttpFront}: a method and path template, as API Gateway declares them ({@code GET
 * /orders/{id}}, {@code ANY /{proxy+}}), and the function it invokes with which payload.
 *
 * <pre>{@code
 * HttpFront front = HttpFront.start(List.of(
 *         HttpRoute.of("POST", "/orders", service.function("CreateOrder"), HttpFront.PayloadFormat.V2),
 *         HttpRoute.of("GET", "/orders/{id}", service.function("GetOrder"), HttpFront.PayloadFormat.V2)));
 * }</pre>
 *
 * @param method an HTTP method in upper case, or {@code ANY}
 * @param path a path template with {@code {name}} parameters and an optional last {@code {name+}}; null for the
 *     catch-all {@code $default} route
 * @param function the function the route invokes
 * @param format the proxy event the function gets
 * @param stage the stage the event names: {@code $default} for HTTP APIs, {@code Prod} for SAM's REST APIs; null
 *     for the event builders' default
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record HttpRoute(
        String method, String path, FunctionPool function, HttpFront.PayloadFormat format, String stage) {

    public HttpRoute {
        method = method.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(format, "format");
        if (path != null && !path.startsWith("/")) {
            throw new IllegalArgumentException("A route's path starts with '/', but was '" + path + "'");
        }
    }

    /** A route on the API's default stage for its format ({@code $default} for 2.0, {@code Prod} for 1.0). */
    public static HttpRoute of(String method, String path, FunctionPool function, HttpFront.PayloadFormat format) {
        return new HttpRoute(
                method, path, function, format, format == HttpFront.PayloadFormat.V2 ? "$default" : "Prod");
    }

    /** The catch-all route: every request goes to {@code function}. */
    public static HttpRoute catchAll(FunctionPool function, HttpFront.PayloadFormat format) {
        return new HttpRoute("ANY", null, function, format, null);
    }

    /**
     * The routes a template's {@code Api} (REST, payload 1.0, stage {@code Prod}) and {@code HttpApi} (payload 2.0
     * unless {@code PayloadFormatVersion: "1.0"}) events declare, each to its function in {@code service}.
     */
    public static List<HttpRoute> fromTemplate(SamTemplate template, LambdaService service) {
        List<HttpRoute> routes = new ArrayList<>();
        for (String id : template.functionNames()) {
            TemplateFunction function = template.function(id);
            for (TemplateEvent event : function.events().values()) {
                boolean rest = event.type().equals("Api");
                if (!rest && !event.type().equals("HttpApi")) {
                    continue;
                }
                Map<String, Object> p = event.properties();
                String method = p.get("Method") == null ? "ANY" : String.valueOf(p.get("Method"));
                String path = p.get("Path") == null ? null : String.valueOf(p.get("Path"));
                boolean v1 = rest || "1.0".equals(String.valueOf(p.get("PayloadFormatVersion")));
                HttpFront.PayloadFormat format = v1 ? HttpFront.PayloadFormat.V1 : HttpFront.PayloadFormat.V2;
                FunctionPool pool = service.function(function.config().functionName());
                routes.add(new HttpRoute(method, path, pool, format, rest ? "Prod" : "$default"));
            }
        }
        return routes;
    }

    /** {@code POST /orders/{id}}, or {@code $default}. */
    public String routeKey() {
        return path == null ? "$default" : method + " " + path;
    }

    /**
     * How well the route matches a request, higher being more specific (as API Gateway picks: literal segments over
     * parameters over a greedy parameter, an exact method over {@code ANY}); negative when it does not match.
     */
    long score(String requestMethod, String requestPath) {
        boolean methodMatches = method.equals("ANY") || method.equalsIgnoreCase(requestMethod);
        if (!methodMatches) {
            return -1;
        }
        long methodScore = method.equals("ANY") ? 0 : 1;
        if (path == null) {
            return methodScore;
        }
        List<String> template = segments(path);
        List<String> actual = segments(requestPath);
        long score = 0;
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            boolean greedy = t.startsWith("{") && t.endsWith("+}");
            if (greedy) {
                if (i != template.size() - 1 || actual.size() <= i) {
                    return -1;
                }
                return (score * 4 + 1) * 2 + methodScore + 2;
            }
            if (i >= actual.size()) {
                return -1;
            }
            boolean parameter = t.startsWith("{") && t.endsWith("}");
            if (!parameter && !t.equals(actual.get(i))) {
                return -1;
            }
            score = score * 4 + (parameter ? 2 : 3);
        }
        return actual.size() == template.size() ? (score * 2 + methodScore) * 2 + 2 : -1;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        return segments;
    }
}

package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.apiguardian.api.API;

/**
 * What every HTTP-triggered event shares: method, path (with a route template for path parameters), stage,
 * headers and query parameters (repeatable), cookies, bodies (JSON, text, Base64, form), authorizer claims and
 * source IP. Each subclass lays these out the way its service does.
 *
 * <pre>{@code
 * var event = ApiGatewayEvents.httpApi().post("/orders/{id}/items", "/orders/42/items")
 *         .header("X-Tenant", "acme").query("expand", "true").cookie("session", "s1")
 *         .jsonBody(Map.of("sku", "A-1")).jwt(Map.of("sub", "user-1"), "orders/write")
 *         .build();
 * }</pre>
 *
 * @param <SELF> the concrete builder
 * @param <E>    the event class
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class HttpEventBuilder<SELF extends HttpEventBuilder<SELF, E>, E> extends EventBuilder<SELF, E> {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    protected String method = "GET";
    protected String path = "/";
    protected String route;
    protected final Map<String, String> pathParameters = new LinkedHashMap<>();
    protected final Map<String, List<String>> headers = new LinkedHashMap<>();
    protected final Map<String, List<String>> query = new LinkedHashMap<>();
    protected final List<String> cookies = new ArrayList<>();
    protected final Map<String, String> stageVariables = new LinkedHashMap<>();
    protected String stage;
    protected String body;
    protected boolean base64Encoded;
    protected String sourceIp = "203.0.113.10";
    protected String userAgent = "lambdakit-test/1.0";
    protected Map<String, Object> jwtClaims;
    protected List<String> jwtScopes = List.of();
    protected String iamUserArn;
    protected String authorizerPrincipal;
    protected Map<String, Object> authorizerContext;

    protected HttpEventBuilder(Class<E> type, String defaultStage) {
        super(type);
        this.stage = defaultStage;
    }

    /** The request's method and concrete path, e.g. {@code method("PATCH", "/orders/42")}. */
    public SELF method(String method, String path) {
        this.method = required(method, "method").toUpperCase(Locale.ROOT);
        if (!required(path, "path").startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', but was '" + path + "'");
        }
        int q = path.indexOf('?');
        if (q >= 0) {
            rawQuery(path.substring(q + 1));
            path = path.substring(0, q);
        }
        this.path = path;
        if (route != null) {
            bindPathParameters();
        }
        return self();
    }

    public SELF get(String path) {
        return method("GET", path);
    }

    public SELF post(String path) {
        return method("POST", path);
    }

    public SELF put(String path) {
        return method("PUT", path);
    }

    public SELF patch(String path) {
        return method("PATCH", path);
    }

    public SELF delete(String path) {
        return method("DELETE", path);
    }

    /** A method on a route template: {@code post("/orders/{id}", "/orders/42")} sets path parameter id=42. */
    public SELF method(String method, String routeTemplate, String path) {
        this.route = required(routeTemplate, "routeTemplate");
        return method(method, path);
    }

    public SELF get(String routeTemplate, String path) {
        return method("GET", routeTemplate, path);
    }

    public SELF post(String routeTemplate, String path) {
        return method("POST", routeTemplate, path);
    }

    public SELF put(String routeTemplate, String path) {
        return method("PUT", routeTemplate, path);
    }

    public SELF delete(String routeTemplate, String path) {
        return method("DELETE", routeTemplate, path);
    }

    public SELF pathParameter(String name, String value) {
        pathParameters.put(required(name, "name"), required(value, "value"));
        return self();
    }

    public SELF stage(String stage) {
        this.stage = required(stage, "stage");
        return self();
    }

    public SELF stageVariable(String name, String value) {
        stageVariables.put(required(name, "name"), required(value, "value"));
        return self();
    }

    /** Adds a header value; calling again with the same name adds a second value. */
    public SELF header(String name, String value) {
        headers.computeIfAbsent(required(name, "name"), k -> new ArrayList<>()).add(required(value, "value"));
        return self();
    }

    /** Adds a query parameter value (decoded); calling again with the same name adds a second value. */
    public SELF query(String name, String value) {
        query.computeIfAbsent(required(name, "name"), k -> new ArrayList<>()).add(required(value, "value"));
        return self();
    }

    /** Adds every parameter of an encoded query string, e.g. {@code a=1&b=x%20y}. */
    public SELF rawQuery(String rawQuery) {
        for (String pair : required(rawQuery, "rawQuery").split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query(name, value);
        }
        return self();
    }

    public SELF cookie(String name, String value) {
        cookies.add(required(name, "name") + "=" + required(value, "value"));
        return self();
    }

    /** A JSON body: {@code value} serialized by the runtime's Jackson configuration, or a String taken as JSON. */
    public SELF jsonBody(Object value) {
        this.body = value instanceof String s ? s : EventJson.toJsonString(value);
        this.base64Encoded = false;
        return contentType("application/json");
    }

    public SELF textBody(String text) {
        this.body = required(text, "text");
        this.base64Encoded = false;
        return contentType("text/plain; charset=utf-8");
    }

    /** A binary body: sent Base64-encoded with {@code isBase64Encoded: true}. */
    public SELF base64Body(byte[] bytes, String contentType) {
        this.body = Base64.getEncoder().encodeToString(required(bytes, "bytes"));
        this.base64Encoded = true;
        return contentType(contentType);
    }

    /** An HTML form post, {@code application/x-www-form-urlencoded}. */
    public SELF formBody(Map<String, String> fields) {
        StringJoiner joiner = new StringJoiner("&");
        fields.forEach((k, v) -> joiner.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        this.body = joiner.toString();
        this.base64Encoded = false;
        return contentType("application/x-www-form-urlencoded");
    }

    /** Claims (and OAuth scopes) of a JWT or Cognito authorizer. */
    public SELF jwt(Map<String, ?> claims, String... scopes) {
        this.jwtClaims = new LinkedHashMap<>(required(claims, "claims"));
        this.jwtScopes = List.of(scopes);
        return self();
    }

    /**
     * A request a Lambda authorizer allowed, with the principal and the context it returned: REST APIs pass them as
     * {@code requestContext.authorizer} (context values as text, with {@code integrationLatency}), HTTP APIs as
     * {@code requestContext.authorizer.lambda} (the principal is not passed there).
     */
    public SELF lambdaAuthorizer(String principalId, Map<String, ?> context) {
        this.authorizerPrincipal = required(principalId, "principalId");
        this.authorizerContext = new LinkedHashMap<>(required(context, "context"));
        return self();
    }

    /** An IAM-signed request from this principal. */
    public SELF iam(String userArn) {
        this.iamUserArn = required(userArn, "userArn");
        return self();
    }

    public SELF sourceIp(String sourceIp) {
        this.sourceIp = required(sourceIp, "sourceIp");
        return self();
    }

    public SELF userAgent(String userAgent) {
        this.userAgent = required(userAgent, "userAgent");
        return self();
    }

    /** Sets the {@code Content-Type} header, replacing any. */
    public SELF contentType(String value) {
        headers.keySet().removeIf(k -> k.equalsIgnoreCase("content-type"));
        return header("Content-Type", value);
    }

    private void bindPathParameters() {
        String[] template = route.split("/");
        String[] actual = path.split("/");
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("+}")) {
                String rest = String.join("/", Arrays.copyOfRange(actual, Math.min(i, actual.length), actual.length));
                pathParameters.put(t.substring(1, t.length() - 2), rest);
                return;
            }
            if (i >= actual.length) {
                throw new IllegalArgumentException("path '" + path + "' does not match route '" + route + "'");
            }
            if (t.startsWith("{") && t.endsWith("}")) {
                pathParameters.put(t.substring(1, t.length() - 1), actual[i]);
            } else if (!t.equals(actual[i])) {
                throw new IllegalArgumentException(
                        "path '" + path + "' does not match route '" + route + "' at segment '" + actual[i] + "'");
            }
        }
        if (actual.length > template.length) {
            throw new IllegalArgumentException("path '" + path + "' has more segments than route '" + route + "'");
        }
    }

    /** The query string as a client sends it. */
    protected String rawQueryString() {
        StringJoiner joiner = new StringJoiner("&");
        query.forEach((k, values) -> values.forEach(
                v -> joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8).replace("+", "%20") + "="
                        + URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"))));
        return joiner.toString();
    }

    /** Headers plus the ones the front end adds; cookies in one {@code Cookie} header. */
    protected Map<String, List<String>> allHeaders(String host) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        all.put("Host", List.of(host));
        all.put("User-Agent", List.of(userAgent));
        all.put("X-Amzn-Trace-Id", List.of("Root=1-" + hex(8) + "-" + hex(24)));
        all.put("X-Forwarded-For", List.of(sourceIp));
        all.put("X-Forwarded-Port", List.of("443"));
        all.put("X-Forwarded-Proto", List.of("https"));
        if (!cookies.isEmpty()) {
            all.put("Cookie", List.of(String.join("; ", cookies)));
        }
        headers.forEach((k, v) -> {
            all.keySet().removeIf(existing -> existing.equalsIgnoreCase(k));
            all.put(k, new ArrayList<>(v));
        });
        return all;
    }

    protected static String requestTime(Instant t) {
        return REQUEST_TIME.format(t);
    }

    protected static Map<String, String> lastValues(Map<String, List<String>> multi) {
        Map<String, String> single = new LinkedHashMap<>();
        multi.forEach((k, v) -> single.put(k, v.get(v.size() - 1)));
        return single;
    }

    protected static <V> Object orNull(Map<String, V> map) {
        return map.isEmpty() ? null : map;
    }
}

package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * One view of any HTTP-style Lambda response: API Gateway REST ({@code APIGatewayProxyResponseEvent}), HTTP API and
 * function URLs ({@code APIGatewayV2HTTPResponse}), ALB ({@code ApplicationLoadBalancerResponseEvent}), or their JSON.
 * Headers are case-insensitive and merge the single- and multi-value maps; the body can be read as text, as
 * decoded bytes when Base64-encoded, or as JSON.
 *
 * <pre>{@code
 * HttpResponse response = HttpResponse.of(result.output());
 * assert response.statusCode() == 201;
 * Map<?, ?> body = response.jsonBody(Map.class);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HttpResponse {

    private final int statusCode;
    private final Map<String, List<String>> headers;
    private final List<String> cookies;
    private final String body;
    private final boolean base64Encoded;

    private HttpResponse(
            int statusCode,
            Map<String, List<String>> headers,
            List<String> cookies,
            String body,
            boolean base64Encoded) {
        this.statusCode = statusCode;
        this.headers = headers;
        this.cookies = cookies;
        this.body = body;
        this.base64Encoded = base64Encoded;
    }

    /**
     * Reads a response object or its JSON ({@code String} or {@code byte[]}).
     *
     * @throws IllegalArgumentException when there is no {@code statusCode}
     */
    @SuppressWarnings("unchecked")
    public static HttpResponse of(Object response) {
        if (response == null) {
            throw new IllegalArgumentException("The response is null, not a an HTTP response");
        }
        Object tree = EventJson.toTree(response);
        if (!(tree instanceof Map<?, ?> map) || !(map.get("statusCode") instanceof Number status)) {
            throw new IllegalArgumentException("Not an HTTP response (no numeric statusCode): " + response);
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (map.get("headers") instanceof Map<?, ?> single) {
            single.forEach((k, v) -> headers.computeIfAbsent(String.valueOf(k), x -> new ArrayList<>())
                    .add(String.valueOf(v)));
        }
        if (map.get("multiValueHeaders") instanceof Map<?, ?> multi) {
            multi.forEach((k, v) -> {
                List<String> values = headers.computeIfAbsent(String.valueOf(k), x -> new ArrayList<>());
                for (Object value : (List<Object>) v) {
                    if (!values.contains(String.valueOf(value))) {
                        values.add(String.valueOf(value));
                    }
                }
            });
        }
        List<String> cookies = new ArrayList<>();
        if (map.get("cookies") instanceof List<?> list) {
            list.forEach(c -> cookies.add(String.valueOf(c)));
        }
        cookies.addAll(headers.getOrDefault("Set-Cookie", List.of()));
        Object body = map.get("body");
        Object b64 = map.containsKey("isBase64Encoded") ? map.get("isBase64Encoded") : map.get("base64Encoded");
        return new HttpResponse(
                status.intValue(),
                Collections.unmodifiableMap(headers),
                List.copyOf(cookies),
                body == null ? null : String.valueOf(body),
                Boolean.TRUE.equals(b64));
    }

    public int statusCode() {
        return statusCode;
    }

    /** All headers, case-insensitive by name. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Cookies set: the v2 {@code cookies} array and every {@code Set-Cookie} header. */
    public List<String> cookies() {
        return cookies;
    }

    /** The body as sent (Base64 text when {@link #isBase64Encoded()}); may be null. */
    public String body() {
        return body;
    }

    public boolean isBase64Encoded() {
        return base64Encoded;
    }

    /** The body's bytes, decoded when Base64-encoded. */
    public byte[] bodyBytes() {
        if (body == null) {
            return new byte[0];
        }
        return base64Encoded ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }

    /** The body's text, decoded when Base64-encoded. */
    public String bodyText() {
        return new String(bodyBytes(), StandardCharsets.UTF_8);
    }

    /** The body read as JSON into {@code type} (use {@code Map.class} or {@code Object.class} for plain values). */
    public <T> T jsonBody(Class<T> type) {
        return EventJson.fromJson(bodyText(), type);
    }

    @Override
    public String toString() {
        return "HttpResponse[" + statusCode + ", headers=" + headers + ", body=" + body + "]";
    }
}

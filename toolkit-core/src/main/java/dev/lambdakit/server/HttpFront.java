package dev.lambdakit.server;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lambdakit.events.ApiGatewayEvents;
import dev.lambdakit.events.EventJson;
import dev.lambdakit.events.HttpApiEventBuilder;
import dev.lambdakit.events.HttpEventBuilder;
import dev.lambdakit.events.HttpResponse;
import dev.lambdakit.events.internal.JsonText;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.server.internal.HttpServers;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A local HTTP endpoint in front of a function, as API Gateway puts one: each plain HTTP request becomes a REST (1.0)
 * or HTTP API (2.0) proxy event, the function is invoked, and its response is mapped back (status, headers,
 * multi-value headers, cookies, Base64 bodies). A function error or a response API Gateway could not read gives
 * {@code 502 {"message":"Internal server error"}}, a throttle {@code 429}.
 *
 * <pre>{@code
 * HttpFront front = HttpFront.start(service.function("orders"), HttpFront.PayloadFormat.V2);
 * HttpResponse<String> r = HttpClient.newHttpClient().send(
 *         HttpRequest.newBuilder(front.uri().resolve("/orders")).GET().build(), BodyHandlers.ofString());
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HttpFront implements AutoCloseable {

    /** Which proxy event the function gets. */
    public enum PayloadFormat {
        /** REST API (and HTTP API payload 1.0): {@code APIGatewayProxyRequestEvent}. */
        V1,
        /** HTTP API payload 2.0 and function URLs: {@code APIGatewayV2HTTPEvent}. */
        V2
    }

    private static final byte[] INTERNAL_ERROR = HttpServers.utf8("{\"message\":\"Internal server error\"}");

    private final FunctionPool function;
    private final PayloadFormat format;
    private final HttpServer server;

    private HttpFront(FunctionPool function, PayloadFormat format) {
        this.function = function;
        this.format = format;
        this.server = HttpServers.start("lambdakit-http-front", 0, this::handle);
    }

    public static HttpFront start(FunctionPool function, PayloadFormat format) {
        return new HttpFront(function, format);
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] event;
        try {
            event = event(exchange);
        } catch (IllegalArgumentException e) {
            HttpServers.send(
                    exchange,
                    400,
                    Map.of("Content-Type", "application/json"),
                    HttpServers.utf8("{\"message\":" + JsonText.quote(e.getMessage()) + "}"));
            return;
        }
        InvocationResult<Object> result;
        try {
            result = function.invoke(event, null);
        } catch (FunctionPool.Throttled t) {
            HttpServers.send(
                    exchange,
                    429,
                    Map.of("Content-Type", "application/json"),
                    HttpServers.utf8("{\"message\":\"Too Many Requests\"}"));
            return;
        }
        if (!result.isSuccess()) {
            HttpServers.send(exchange, 502, Map.of("Content-Type", "application/json"), INTERNAL_ERROR);
            return;
        }
        respond(exchange, result.payloadAsString());
    }

    private byte[] event(HttpExchange exchange) throws IOException {
        HttpEventBuilder<?, ?> b = format == PayloadFormat.V1 ? ApiGatewayEvents.rest() : ApiGatewayEvents.httpApi();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        b.method(
                exchange.getRequestMethod(),
                URLDecoder.decode(path, StandardCharsets.UTF_8) + (query == null ? "" : "?" + query));
        String contentType = "";
        for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
            String name = h.getKey();
            if (name.equalsIgnoreCase("Cookie")) {
                for (String header : h.getValue()) {
                    for (String cookie : header.split(";\\s*")) {
                        int eq = cookie.indexOf('=');
                        if (eq > 0) {
                            b.cookie(cookie.substring(0, eq), cookie.substring(eq + 1));
                        }
                    }
                }
                continue;
            }
            if (name.equalsIgnoreCase("Content-Type")) {
                contentType = h.getValue().get(0);
                continue;
            }
            for (String v : h.getValue()) {
                b.header(name, v);
            }
        }
        b.sourceIp(exchange.getRemoteAddress().getAddress().getHostAddress());
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length > 0) {
            if (isText(contentType)) {
                b.textBody(new String(body, StandardCharsets.UTF_8));
            } else {
                b.base64Body(body, contentType.isEmpty() ? "application/octet-stream" : contentType);
            }
            if (!contentType.isEmpty()) {
                b.contentType(contentType);
            }
        }
        if (b instanceof HttpApiEventBuilder v2) {
            v2.routeKey("$default");
        }
        return b.toBytes();
    }

    private static boolean isText(String contentType) {
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.isEmpty()
                || t.startsWith("text/")
                || t.contains("json")
                || t.contains("xml")
                || t.contains("x-www-form-urlencoded")
                || t.contains("javascript");
    }

    private void respond(HttpExchange exchange, String payload) throws IOException {
        Object tree;
        try {
            tree = EventJson.toTree(payload);
        } catch (RuntimeException e) {
            tree = null;
        }
        if (!(tree instanceof Map<?, ?> map) || !(map.get("statusCode") instanceof Number)) {
            if (format == PayloadFormat.V2 && tree != null) {
                // Payload 2.0: a response without statusCode is a JSON body with status 200.
                HttpServers.send(exchange, 200, Map.of("Content-Type", "application/json"), HttpServers.utf8(payload));
            } else {
                HttpServers.send(exchange, 502, Map.of("Content-Type", "application/json"), INTERNAL_ERROR);
            }
            return;
        }
        HttpResponse response = HttpResponse.of(map);
        response.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Set-Cookie")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        if (!response.cookies().isEmpty()) {
            exchange.getResponseHeaders().put("Set-Cookie", response.cookies());
        }
        HttpServers.send(exchange, response.statusCode(), Map.of(), response.bodyBytes());
    }

    @Override
    public void close() {
        HttpServers.stop(server);
    }
}

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

    private final List<HttpRoute> routes;
    private final HttpServer server;

    private HttpFront(List<HttpRoute> routes, int port) {
        this.routes = List.copyOf(routes);
        this.server = HttpServers.start("lambdakit-http-front", port, this::handle);
    }

    /** Every request to {@code function}, as the {@code $default} route of an API. */
    public static HttpFront start(FunctionPool function, PayloadFormat format) {
        return new HttpFront(List.of(HttpRoute.catchAll(function, format)), 0);
    }

    /**
     * Requests to the most specific of {@code routes}, as API Gateway picks; a request no route takes gets {@code
     * 404 {"message":"Not Found"}} ({@code 403 Missing Authentication Token} when every route is a REST API's).
     *
     * @param port a port on 127.0.0.1, or 0 for a free one
     */
    public static HttpFront start(List<HttpRoute> routes, int port) {
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("An HTTP front needs at least one route");
        }
        return new HttpFront(routes, port);
    }

    /** The routes, in the order given. */
    public List<HttpRoute> routes() {
        return routes;
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private HttpRoute route(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        HttpRoute best = null;
        long bestScore = -1;
        for (HttpRoute route : routes) {
            long score = route.score(method, path);
            if (score > bestScore) {
                best = route;
                bestScore = score;
            }
        }
        return best;
    }

    private void handle(HttpExchange exchange) throws IOException {
        HttpRoute route = route(exchange);
        if (route == null) {
            boolean rest = routes.stream().allMatch(r -> r.format() == PayloadFormat.V1);
            HttpServers.send(
                    exchange,
                    rest ? 403 : 404,
                    Map.of("Content-Type", "application/json"),
                    HttpServers.utf8(
                            rest ? "{\"message\":\"Missing Authentication Token\"}" : "{\"message\":\"Not Found\"}"));
            return;
        }
        FunctionPool function = route.function();
        PayloadFormat format = route.format();
        byte[] event;
        try {
            event = event(exchange, route);
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
        respond(exchange, result.payloadAsString(), format);
    }

    private static byte[] event(HttpExchange exchange, HttpRoute route) throws IOException {
        HttpEventBuilder<?, ?> b =
                route.format() == PayloadFormat.V1 ? ApiGatewayEvents.rest() : ApiGatewayEvents.httpApi();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String target = URLDecoder.decode(path, StandardCharsets.UTF_8) + (query == null ? "" : "?" + query);
        if (route.path() == null) {
            b.method(exchange.getRequestMethod(), target);
        } else {
            b.method(exchange.getRequestMethod(), route.path(), target);
        }
        if (route.stage() != null) {
            b.stage(route.stage());
        }
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
            v2.routeKey(route.routeKey());
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

    private static void respond(HttpExchange exchange, String payload, PayloadFormat format) throws IOException {
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

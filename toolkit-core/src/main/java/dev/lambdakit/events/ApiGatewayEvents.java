package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Entry points for API Gateway and function URL request events.
 *
 * <pre>{@code
 * var rest = ApiGatewayEvents.rest().get("/orders/{id}", "/orders/42").build();
 * var http = ApiGatewayEvents.httpApi().post("/orders").jsonBody(Map.of("sku", "A-1")).build();
 * var url = ApiGatewayEvents.functionUrl().get("/health").build();
 * var ws = ApiGatewayEvents.webSocket("conn-1").connect().build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ApiGatewayEvents {

    private ApiGatewayEvents() {}

    /** REST API, Lambda proxy integration (payload 1.0). */
    public static RestApiEventBuilder rest() {
        return new RestApiEventBuilder();
    }

    /** HTTP API (payload 2.0). */
    public static HttpApiEventBuilder httpApi() {
        return new HttpApiEventBuilder(false);
    }

    /** A Lambda function URL request (payload 2.0, route {@code $default}). */
    public static HttpApiEventBuilder functionUrl() {
        return new HttpApiEventBuilder(true);
    }

    /** A WebSocket API event on this connection. */
    public static WebSocketEventBuilder webSocket(String connectionId) {
        return new WebSocketEventBuilder(EventBuilder.required(connectionId, "connectionId"));
    }
}

package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * An API Gateway WebSocket API event: {@code $connect} (with the handshake's headers and query), a message on a
 * route, or {@code $disconnect}, all on one connection id.
 *
 * <pre>{@code
 * APIGatewayV2WebSocketEvent hello = ApiGatewayEvents.webSocket("conn-1").connect().query("token", "t").build();
 * APIGatewayV2WebSocketEvent msg = ApiGatewayEvents.webSocket("conn-1").message("sendmessage", "{\"text\":\"hi\"}")
 *         .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WebSocketEventBuilder extends HttpEventBuilder<WebSocketEventBuilder, APIGatewayV2WebSocketEvent> {

    private final String connectionId;
    private String eventType = "MESSAGE";
    private String routeKey = "$default";

    WebSocketEventBuilder(String connectionId) {
        super(APIGatewayV2WebSocketEvent.class, "production");
        this.connectionId = connectionId;
    }

    public WebSocketEventBuilder connect() {
        eventType = "CONNECT";
        routeKey = "$connect";
        return this;
    }

    public WebSocketEventBuilder disconnect() {
        eventType = "DISCONNECT";
        routeKey = "$disconnect";
        return this;
    }

    /** A message the client sent, selected to {@code routeKey} by the API's route selection expression. */
    public WebSocketEventBuilder message(String routeKey, String body) {
        eventType = "MESSAGE";
        this.routeKey = required(routeKey, "routeKey");
        this.body = required(body, "body");
        return this;
    }

    @Override
    protected Map<String, Object> tree() {
        Instant at = now();
        String apiId = "a1b2c3d4e5";
        String domain = apiId + ".execute-api." + region() + "." + dnsSuffix();
        Map<String, Object> root = new LinkedHashMap<>();
        if ("CONNECT".equals(eventType)) {
            Map<String, List<String>> all = allHeaders(domain);
            all.put("Sec-WebSocket-Key", List.of(base64(16)));
            all.put("Sec-WebSocket-Version", List.of("13"));
            root.put("headers", lastValues(all));
            root.put("multiValueHeaders", all);
            if (!query.isEmpty()) {
                root.put("queryStringParameters", lastValues(query));
                root.put("multiValueQueryStringParameters", query);
            }
        }
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("sourceIp", sourceIp);
        identity.put("userAgent", userAgent);
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("routeKey", routeKey);
        if ("MESSAGE".equals(eventType)) {
            ctx.put("messageId", base64(12));
        }
        ctx.put("eventType", eventType);
        ctx.put("extendedRequestId", base64(12));
        ctx.put("requestTime", requestTime(at));
        ctx.put("messageDirection", "IN");
        ctx.put("stage", stage);
        ctx.put("connectedAt", at.toEpochMilli() - 1000);
        ctx.put("requestTimeEpoch", at.toEpochMilli());
        ctx.put("identity", identity);
        ctx.put("requestId", base64(12));
        ctx.put("domainName", domain);
        ctx.put("connectionId", connectionId);
        ctx.put("apiId", apiId);
        if (!stageVariables.isEmpty()) {
            root.put("stageVariables", stageVariables);
        }
        root.put("requestContext", ctx);
        if (body != null) {
            root.put("body", body);
        }
        root.put("isBase64Encoded", base64Encoded);
        return root;
    }
}

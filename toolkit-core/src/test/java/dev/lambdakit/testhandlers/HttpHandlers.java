package dev.lambdakit.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;

/** HTTP handlers behind the local HTTP front. */
public final class HttpHandlers {

    private HttpHandlers() {}

    /** Describes the request back: method, path, a query value, the body, a cookie; sets a cookie and a header. */
    public static class V2Echo implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent e, Context c) {
            if (e.getRawPath().equals("/binary")) {
                return APIGatewayV2HTTPResponse.builder()
                        .withStatusCode(200)
                        .withIsBase64Encoded(true)
                        .withHeaders(Map.of("Content-Type", "image/png"))
                        .withBody("iVBORw0KGgo=")
                        .build();
            }
            if (e.getRawPath().equals("/plain")) {
                throw new IllegalStateException("boom");
            }
            String q = e.getQueryStringParameters() == null
                    ? null
                    : e.getQueryStringParameters().get("q");
            String cookie = e.getCookies() == null ? null : String.join(";", e.getCookies());
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(201)
                    .withHeaders(Map.of("Content-Type", "text/plain", "X-Route", e.getRouteKey()))
                    .withCookies(List.of("session=s1; HttpOnly"))
                    .withBody(e.getRequestContext().getHttp().getMethod() + " " + e.getRawPath() + " q=" + q
                            + " cookie=" + cookie + " body=" + e.getBody() + " b64=" + e.getIsBase64Encoded())
                    .build();
        }
    }

    /** Payload 2.0 lets a function return any JSON: it becomes a 200 JSON body. */
    public static class V2Plain {
        public Map<String, Object> handle(APIGatewayV2HTTPEvent e) {
            return Map.of("path", e.getRawPath());
        }
    }

    /** A REST proxy handler; "/bad" returns something that is not a proxy response. */
    public static class V1 {
        public Object handle(APIGatewayProxyRequestEvent e) {
            if (e.getPath().equals("/bad")) {
                return Map.of("no", "statusCode");
            }
            return new APIGatewayProxyResponseEvent()
                    .withStatusCode(200)
                    .withMultiValueHeaders(Map.of("X-Multi", List.of("a", "b")))
                    .withBody(e.getHttpMethod() + " " + e.getPath() + " " + e.getMultiValueQueryStringParameters());
        }
    }

    /** Answers with what routing put in the event: route key or resource, path parameters, stage. */
    public static class RouteEcho {
        public Map<String, Object> handle(Map<String, Object> event) {
            Map<?, ?> context = (Map<?, ?>) event.get("requestContext");
            Object route = event.containsKey("routeKey") ? event.get("routeKey") : event.get("resource");
            return Map.of(
                    "statusCode", 200, "body", route + " " + event.get("pathParameters") + " " + context.get("stage"));
        }
    }
}

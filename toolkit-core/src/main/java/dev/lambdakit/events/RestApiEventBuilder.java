package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * An API Gateway REST API proxy request (payload format 1.0): single and multi-value headers and query parameters,
 * {@code null} for absent maps and body, the stage in {@code requestContext.path}.
 *
 * <pre>{@code
 * APIGatewayProxyRequestEvent event = ApiGatewayEvents.rest().get("/orders/{id}", "/orders/42").stage("prod")
 *         .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RestApiEventBuilder extends HttpEventBuilder<RestApiEventBuilder, APIGatewayProxyRequestEvent> {

    RestApiEventBuilder() {
        super(APIGatewayProxyRequestEvent.class, "prod");
    }

    @Override
    protected Map<String, Object> tree() {
        Instant at = now();
        String apiId = "a1b2c3d4e5";
        String domain = apiId + ".execute-api." + region() + "." + dnsSuffix();
        Map<String, List<String>> allHeaders = allHeaders(domain);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("resource", route != null ? route : path);
        root.put("path", path);
        root.put("httpMethod", method);
        root.put("headers", lastValues(allHeaders));
        root.put("multiValueHeaders", allHeaders);
        root.put("queryStringParameters", orNull(lastValues(query)));
        root.put("multiValueQueryStringParameters", orNull(query));
        root.put("pathParameters", orNull(pathParameters));
        root.put("stageVariables", orNull(stageVariables));
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("cognitoIdentityPoolId", null);
        identity.put("accountId", iamUserArn != null ? accountId() : null);
        identity.put("cognitoIdentityId", null);
        identity.put("caller", iamUserArn != null ? "AIDA" + upperAlnum(17) : null);
        identity.put("sourceIp", sourceIp);
        identity.put("principalOrgId", null);
        identity.put("accessKey", iamUserArn != null ? "ASIA" + upperAlnum(16) : null);
        identity.put("cognitoAuthenticationType", null);
        identity.put("cognitoAuthenticationProvider", null);
        identity.put("userArn", iamUserArn);
        identity.put("userAgent", userAgent);
        identity.put("user", iamUserArn != null ? "AIDA" + upperAlnum(17) : null);
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("resourceId", hex(6));
        ctx.put("resourcePath", route != null ? route : path);
        ctx.put("httpMethod", method);
        ctx.put("extendedRequestId", base64(12));
        ctx.put("requestTime", requestTime(at));
        ctx.put("path", "/" + stage + path);
        ctx.put("accountId", accountId());
        ctx.put("protocol", "HTTP/1.1");
        ctx.put("stage", stage);
        ctx.put("domainPrefix", apiId);
        ctx.put("requestTimeEpoch", at.toEpochMilli());
        ctx.put("requestId", uuid());
        ctx.put("identity", identity);
        ctx.put("domainName", domain);
        ctx.put("apiId", apiId);
        if (jwtClaims != null) {
            Map<String, Object> authorizer = new LinkedHashMap<>();
            authorizer.put("claims", jwtClaims);
            authorizer.put("scopes", jwtScopes.isEmpty() ? null : jwtScopes);
            ctx.put("authorizer", authorizer);
        } else if (authorizerContext != null) {
            Map<String, Object> authorizer = new LinkedHashMap<>();
            authorizer.put("principalId", authorizerPrincipal);
            authorizer.put("integrationLatency", 12);
            // API Gateway hands the authorizer's context values to the integration as text.
            authorizerContext.forEach((k, v) -> authorizer.put(k, v == null ? null : String.valueOf(v)));
            ctx.put("authorizer", authorizer);
        }
        root.put("requestContext", ctx);
        root.put("body", body);
        root.put("isBase64Encoded", base64Encoded);
        return root;
    }
}

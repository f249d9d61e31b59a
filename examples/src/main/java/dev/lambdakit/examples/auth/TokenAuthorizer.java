package dev.lambdakit.examples.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import java.util.List;
import java.util.Map;

/**
 * A REST API TOKEN authorizer: {@code Bearer <user>:<role>} tokens, where admins may call every method of the stage
 * and customers only GETs. A malformed token is denied, not thrown, so the caller gets a 403 rather than a 500.
 */
public class TokenAuthorizer implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> {

    @Override
    public IamPolicyResponseV1 handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        String token = event.getAuthorizationToken();
        String[] parts = token != null && token.startsWith("Bearer ")
                ? token.substring(7).split(":")
                : new String[0];
        // arn:aws:execute-api:<region>:<account>:<api>/<stage>/<METHOD>/<path>: the stage's ARN and a wildcard
        String[] arn = event.getMethodArn().split("/");
        String stage = arn[0] + "/" + arn[1];
        if (parts.length != 2) {
            return policy("anonymous", IamPolicyResponseV1.denyStatement(stage + "/*"), Map.of());
        }
        String resource = "admin".equals(parts[1]) ? stage + "/*" : stage + "/GET/*";
        return policy(parts[0], IamPolicyResponseV1.allowStatement(resource), Map.of("role", parts[1]));
    }

    private static IamPolicyResponseV1 policy(
            String principal, IamPolicyResponseV1.Statement statement, Map<String, Object> context) {
        return IamPolicyResponseV1.builder()
                .withPrincipalId(principal)
                .withPolicyDocument(IamPolicyResponseV1.PolicyDocument.builder()
                        .withVersion(IamPolicyResponseV1.VERSION_2012_10_17)
                        .withStatement(List.of(statement))
                        .build())
                .withContext(context)
                .build();
    }
}

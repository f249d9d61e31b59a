package dev.lambdakit.examples.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import dev.lambdakit.events.AuthorizerEvents;
import dev.lambdakit.events.AuthorizerPolicies;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The authorizer's answers, read the way API Gateway reads them: which requests go through, and as whom. */
@LambdaTest(handlerClass = TokenAuthorizer.class)
class TokenAuthorizerTest {

    private static AuthorizerPolicies.Decision decide(LambdaFunction fn, APIGatewayCustomAuthorizerEvent event) {
        return AuthorizerPolicies.evaluate(fn.invoke(event).payloadAsString(), event.getMethodArn());
    }

    @Test
    void customersMayReadButNotWrite(LambdaFunction fn) {
        AuthorizerPolicies.Decision read = decide(
                fn,
                AuthorizerEvents.token("Bearer ana:customer").get("/orders/1").build());
        AuthorizerPolicies.Decision write = decide(
                fn,
                AuthorizerEvents.token("Bearer ana:customer").post("/orders").build());

        assertThat(read.allowed()).as(read.reason()).isTrue();
        assertThat(read.principalId()).isEqualTo("ana");
        assertThat(read.context()).isEqualTo(Map.of("role", "customer"));
        assertThat(write.callerStatus()).as(write.reason()).isEqualTo(403);
    }

    @Test
    void adminsMayCallEveryMethod(LambdaFunction fn) {
        assertThat(decide(
                                fn,
                                AuthorizerEvents.token("Bearer bo:admin")
                                        .post("/orders")
                                        .build())
                        .allowed())
                .isTrue();
    }

    @Test
    void aMalformedTokenIsDeniedNotAnError(LambdaFunction fn) {
        AuthorizerPolicies.Decision decision =
                decide(fn, AuthorizerEvents.token("garbage").get("/orders/1").build());

        assertThat(decision.configurationError()).as(decision.reason()).isFalse();
        assertThat(decision.callerStatus()).isEqualTo(403);
        assertThat(decision.reason()).startsWith("a statement denies");
    }
}

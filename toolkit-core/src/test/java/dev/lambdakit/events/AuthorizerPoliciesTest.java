package dev.lambdakit.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** API Gateway's reading of authorizer answers. */
class AuthorizerPoliciesTest {

    private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdefghij/prod/GET/orders/1";

    private static Map<String, Object> policy(Object... statements) {
        return Map.of(
                "principalId",
                "ana",
                "policyDocument",
                Map.of("Version", "2012-10-17", "Statement", List.of(statements)),
                "context",
                Map.of("tier", "gold", "limit", 5, "beta", true));
    }

    private static Map<String, Object> statement(String effect, Object resource) {
        return Map.of("Action", "execute-api:Invoke", "Effect", effect, "Resource", resource);
    }

    @Test
    @DisplayName("an Allow whose resource matches lets the request through, with principal and context")
    void allow() {
        AuthorizerPolicies.Decision d = AuthorizerPolicies.evaluate(
                policy(statement("Allow", "arn:aws:execute-api:us-east-1:123456789012:abcdefghij/prod/*")), ARN);

        assertThat(d.allowed()).isTrue();
        assertThat(d.callerStatus()).isEqualTo(200);
        assertThat(d.principalId()).isEqualTo("ana");
        assertThat(d.context()).containsEntry("limit", 5).containsEntry("beta", true);
    }

    @Test
    @DisplayName("an explicit Deny wins over an Allow; no matching statement denies; ? matches one character")
    void denyWinsAndNothingMatchingDenies() {
        assertThat(AuthorizerPolicies.evaluate(
                                policy(statement("Allow", "*"), statement("Deny", List.of("arn:*/GET/orders/?"))), ARN)
                        .allowed())
                .isFalse();
        AuthorizerPolicies.Decision none = AuthorizerPolicies.evaluate(policy(statement("Allow", "arn:*/POST/*")), ARN);
        assertThat(none.callerStatus()).isEqualTo(403);
        assertThat(none.reason()).startsWith("no statement allows execute-api:Invoke on ");
        assertThat(AuthorizerPolicies.evaluate(policy(statement("Allow", "arn:*/GET/orders/?")), ARN)
                        .allowed())
                .isTrue();
    }

    @Test
    @DisplayName("answers API Gateway refuses are configuration errors, a 500 for the caller")
    void configurationErrors() {
        assertThat(AuthorizerPolicies.evaluate(Map.of("policyDocument", Map.of()), ARN)
                        .reason())
                .isEqualTo("the response has no principalId");
        Map<String, Object> nestedContext = Map.of(
                "principalId",
                "ana",
                "policyDocument",
                Map.of("Statement", List.of()),
                "context",
                Map.of("o", Map.of()));
        AuthorizerPolicies.Decision d = AuthorizerPolicies.evaluate(nestedContext, ARN);
        assertThat(d.configurationError()).isTrue();
        assertThat(d.callerStatus()).isEqualTo(500);
    }

    @Test
    @DisplayName("an HTTP API simple response is read from isAuthorized, from an object or its JSON")
    void simpleResponses() {
        assertThat(AuthorizerPolicies.evaluate("{\"isAuthorized\":true,\"context\":{\"u\":\"ana\"}}", ARN)
                        .allowed())
                .isTrue();
        assertThat(AuthorizerPolicies.evaluate(Map.of("isAuthorized", false), ARN)
                        .callerStatus())
                .isEqualTo(403);
    }
}

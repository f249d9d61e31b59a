package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * What API Gateway makes of an authorizer's answer: an IAM policy (REST APIs, and HTTP APIs with IAM responses) is
 * evaluated against the method ARN the way API Gateway evaluates it (an explicit {@code Deny} wins, then a matching
 * {@code Allow}; {@code *} and {@code ?} are wildcards; anything else is denied), and an HTTP API simple response is
 * read from {@code isAuthorized}. Answers API Gateway rejects as a configuration error (no principal, a context value
 * that is not a string, number or boolean) are reported as such, as the 500 the caller would get.
 *
 * <pre>{@code
 * Object answer = fn.invoke(AuthorizerEvents.token("allow").get("/orders/1").build()).output();
 * AuthorizerPolicies.Decision decision = AuthorizerPolicies.evaluate(answer, event.getMethodArn());
 * assertThat(decision.allowed()).isTrue();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AuthorizerPolicies {

    private AuthorizerPolicies() {}

    /**
     * The decision API Gateway takes for a request to {@code arn} given the authorizer's {@code response} (an
     * aws-lambda-java-events response object, a {@code Map}, or its JSON).
     */
    public static Decision evaluate(Object response, String arn) {
        EventBuilder.required(arn, "arn");
        Object tree =
                response instanceof CharSequence json ? EventJson.toTree(json.toString()) : EventJson.toTree(response);
        if (!(tree instanceof Map<?, ?> map)) {
            return Decision.error("the authorizer's response is not a JSON object: " + tree);
        }
        Map<String, Object> context = context(map.get("context"));
        if (context == null) {
            return Decision.error("context values must be strings, numbers or booleans: " + map.get("context"));
        }
        if (map.containsKey("isAuthorized")) {
            boolean allowed = Boolean.TRUE.equals(map.get("isAuthorized"));
            return new Decision(
                    allowed, false, null, context, allowed ? "isAuthorized is true" : "isAuthorized is false");
        }
        Object principal = map.get("principalId");
        if (!(principal instanceof String principalId) || principalId.isEmpty()) {
            return Decision.error("the response has no principalId");
        }
        if (!(map.get("policyDocument") instanceof Map<?, ?> policy)) {
            return Decision.error("the response has no policyDocument");
        }
        boolean allowed = false;
        String why = "no statement allows execute-api:Invoke on " + arn;
        for (Object s : list(policy.get("Statement"))) {
            if (!(s instanceof Map<?, ?> statement)) {
                return Decision.error("a policy statement is not an object: " + s);
            }
            boolean action = list(statement.get("Action")).stream()
                    .anyMatch(a -> matches(String.valueOf(a), "execute-api:Invoke"));
            boolean resource = list(statement.get("Resource")).stream().anyMatch(r -> matches(String.valueOf(r), arn));
            if (!action || !resource) {
                continue;
            }
            String effect = String.valueOf(statement.get("Effect"));
            if (effect.equalsIgnoreCase("Deny")) {
                return new Decision(false, false, principalId, context, "a statement denies " + arn);
            }
            if (effect.equalsIgnoreCase("Allow")) {
                allowed = true;
                why = "a statement allows " + arn;
            }
        }
        return new Decision(allowed, false, principalId, context, why);
    }

    private static List<Object> list(Object value) {
        if (value instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return value == null ? List.of() : List.of(value);
    }

    private static Map<String, Object> context(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                return null;
            }
            out.put(String.valueOf(e.getKey()), v);
        }
        return Collections.unmodifiableMap(out);
    }

    /** IAM's wildcard match: {@code *} any run of characters, {@code ?} one character, case-sensitive. */
    static boolean matches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.matches(regex.toString(), value);
    }

    /**
     * API Gateway's decision.
     *
     * @param allowed            whether the request goes on to the integration
     * @param configurationError whether API Gateway refuses the answer itself (the caller gets a 500)
     * @param principalId        the principal the policy names; null for simple responses and errors
     * @param context            what the integration sees as {@code requestContext.authorizer}
     * @param reason             why, in words
     */
    public record Decision(
            boolean allowed,
            boolean configurationError,
            String principalId,
            Map<String, Object> context,
            String reason) {

        static Decision error(String reason) {
            return new Decision(false, true, null, Map.of(), reason);
        }

        /** The status the caller sees: 200-class when allowed, 403 when denied, 500 for a configuration error. */
        public int callerStatus() {
            return configurationError ? 500 : allowed ? 200 : 403;
        }
    }
}

package dev.lambdakit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.testhandlers.Handlers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private static LambdaFunction function() {
        return LambdaFunction.create(FunctionConfig.builder()
                .handler(Handlers.ContextInfo.class.getName() + "::info")
                .functionName("orders-api")
                .memoryMb(512)
                .timeout(Duration.ofSeconds(7))
                .region("eu-west-3")
                .accountId("210987654321")
                .build());
    }

    @Test
    void carriesTheFunctionsIdentityAndACountdown() {
        try (LambdaFunction fn = function()) {
            InvocationResult<?> result = fn.invoke(Invocation.of("{}").qualifier("live"), Map.class);
            Map<?, ?> info = (Map<?, ?>) result.output();

            assertThat(info.get("requestId"))
                    .isEqualTo(result.requestId())
                    .asString()
                    .matches(UUID);
            assertThat(info.get("functionName")).isEqualTo("orders-api");
            assertThat(info.get("functionVersion")).isEqualTo("$LATEST");
            assertThat(info.get("arn")).isEqualTo("arn:aws:lambda:eu-west-3:210987654321:function:orders-api:live");
            assertThat(info.get("logGroup")).isEqualTo("/aws/lambda/orders-api");
            assertThat((String) info.get("logStream")).matches("\\d{4}/\\d\\d/\\d\\d/\\[\\$LATEST][0-9a-f]{32}");
            assertThat(info.get("logStream"))
                    .isEqualTo(fn.environmentVariables().get("AWS_LAMBDA_LOG_STREAM_NAME"));
            assertThat(info.get("memory")).isEqualTo(512);
            int first = ((Number) info.get("remainingFirst")).intValue();
            int later = ((Number) info.get("remainingLater")).intValue();
            assertThat(first).isBetween(6000, 7000);
            assertThat(later).isLessThanOrEqualTo(first - 45);
        }
    }

    @Test
    void traceIdIsPerInvocationInContextAndEnvironment() {
        try (LambdaFunction fn = function()) {
            Map<?, ?> a = fn.invoke("{}", Map.class).output();
            Map<?, ?> b = fn.invoke(Invocation.of("{}").traceId("Root=1-abc;Sampled=1"), Map.class)
                    .output();

            assertThat((String) a.get("traceId"))
                    .matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0");
            assertThat(a.get("traceEnv")).isEqualTo(a.get("traceId"));
            assertThat(b.get("traceId")).isEqualTo("Root=1-abc;Sampled=1");
            assertThat(b.get("traceEnv")).isEqualTo("Root=1-abc;Sampled=1");
        }
    }

    @Test
    void identityAndClientContextReachTheHandler() {
        CognitoIdentity identity = new CognitoIdentity() {
            @Override
            public String getIdentityId() {
                return "us-east-1:1234";
            }

            @Override
            public String getIdentityPoolId() {
                return "us-east-1:pool";
            }
        };
        ClientContext client = new ClientContext() {
            @Override
            public Client getClient() {
                return null;
            }

            @Override
            public Map<String, String> getCustom() {
                return Map.of("tenant", "acme");
            }

            @Override
            public Map<String, String> getEnvironment() {
                return Map.of();
            }
        };
        try (LambdaFunction fn = function()) {
            Map<?, ?> info = fn.invoke(Invocation.of("{}").identity(identity).clientContext(client), Map.class)
                    .output();

            assertThat(info.get("identityId")).isEqualTo("us-east-1:1234");
            assertThat(info.get("client")).isEqualTo(Map.of("tenant", "acme"));
        }
    }

    @Test
    void logLinesAreCapturedPerInvocation() {
        try (LambdaFunction fn = function()) {
            InvocationResult<Object> first = fn.invoke("{}");
            InvocationResult<Object> second = fn.invoke("{}");

            assertThat(first.logLines().get(0))
                    .matches("INIT_START Runtime Version: java:\\d+\\.v\\d+\tRuntime Version ARN: "
                            + "arn:aws:lambda:[a-z0-9-]+::runtime:[0-9a-f]{64}");
            assertThat(first.logLines())
                    .contains(
                            "START RequestId: " + first.requestId() + " Version: $LATEST",
                            "logged via context",
                            "printed to stdout",
                            "END RequestId: " + first.requestId());
            assertThat(first.logLines().get(first.logLines().size() - 1))
                    .startsWith("REPORT RequestId: " + first.requestId() + "\tDuration: ");
            assertThat(second.logLines())
                    .first()
                    .isEqualTo("START RequestId: " + second.requestId() + " Version: $LATEST");
            assertThat(second.log()).doesNotContain(first.requestId());
        }
    }

    @Test
    void newContextServesDirectCalls() {
        try (LambdaFunction fn = function()) {
            SimulatedContext context = fn.newContext();

            assertThat(context.getAwsRequestId()).matches(UUID);
            assertThat(context.getFunctionName()).isEqualTo("orders-api");
        }
    }

    @Test
    void aSeedMakesIdsRepeatable() {
        FunctionConfig config =
                FunctionConfig.builder().handler(Handlers.Echo.class).seed(7).build();
        String first;
        String key;
        try (LambdaFunction fn = LambdaFunction.create(config)) {
            key = fn.credentials().accessKeyId();
            first = fn.invoke("{}").requestId();
        }
        try (LambdaFunction fn = LambdaFunction.create(config)) {
            assertThat(fn.credentials().accessKeyId()).isEqualTo(key);
            assertThat(fn.invoke("{}").requestId()).isEqualTo(first);
        }
    }
}

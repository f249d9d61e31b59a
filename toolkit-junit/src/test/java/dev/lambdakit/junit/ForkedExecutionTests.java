package dev.lambdakit.junit;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.function.Execution;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** {@code execution} on {@code @LambdaTest} and on service functions: the same test, the handler in a child JVM. */
@DisplayName("execution = FORKED runs the handler in a child JVM with the function's environment")
class ForkedExecutionTests {

    /** Where the handler ran, and what it saw. */
    public static class WhereAmI {
        public Map<String, String> where(Object ignored) {
            return Map.of(
                    "pid", Long.toString(ProcessHandle.current().pid()),
                    "table", String.valueOf(System.getenv("TABLE")),
                    "key", String.valueOf(System.getenv("AWS_ACCESS_KEY_ID")));
        }
    }

    private static void ranElsewhere(InvocationResult<Object> result) {
        assertThat(result).succeeded();
        Map<?, ?> seen = (Map<?, ?>) result.output();
        assertThat(seen.get("pid"))
                .isNotEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(seen.get("table")).isEqualTo("orders");
        assertThat((String) seen.get("key")).startsWith("ASIA");
    }

    @Nested
    @EnabledOnOs(value = OS.LINUX, disabledReason = "the official runtime interface client runs on Linux only")
    @LambdaTest(handler = "dev.lambdakit.junit.ForkedExecutionTests$WhereAmI::where", execution = Execution.FORKED)
    @Env(name = "TABLE", value = "orders")
    class UnderTheOfficialClient {
        @Test
        void coldThenWarm(LambdaFunction fn) {
            InvocationResult<Object> cold = fn.invoke("{}");
            InvocationResult<Object> warm = fn.invoke("{}");

            ranElsewhere(cold);
            assertThat(cold.isColdStart()).isTrue();
            assertThat(warm.isColdStart()).isFalse();
            assertThat(fn.config().execution()).isEqualTo(Execution.FORKED);
        }
    }

    @Nested
    @LambdaTest(
            handler = "dev.lambdakit.junit.ForkedExecutionTests$WhereAmI::where",
            execution = Execution.FORKED_BOOTSTRAP)
    @Env(name = "TABLE", value = "orders")
    class UnderTheBootstrap {
        @Test
        void runsInAChildJvm(LambdaFunction fn) {
            ranElsewhere(fn.invoke("{}"));
        }
    }

    @Nested
    @LambdaServiceTest(
            functions =
                    @LambdaServiceTest.Function(
                            name = "where",
                            handler = "dev.lambdakit.junit.ForkedExecutionTests$WhereAmI::where",
                            env = @Env(name = "TABLE", value = "orders"),
                            execution = Execution.FORKED_BOOTSTRAP))
    class BehindTheService {
        @Test
        void invokedThroughTheSdk(LambdaClient lambda) {
            InvokeResponse response =
                    lambda.invoke(r -> r.functionName("where").payload(SdkBytes.fromUtf8String("{}")));

            assertThat(response.functionError()).isNull();
            assertThat(response.payload().asUtf8String())
                    .contains("\"table\":\"orders\"")
                    .doesNotContain("\"pid\":\"" + ProcessHandle.current().pid() + "\"");
        }
    }
}

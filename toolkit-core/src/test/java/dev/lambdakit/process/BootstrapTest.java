package dev.lambdakit.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.function.Execution;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaError;
import dev.lambdakit.runtime.LambdaFunction;
import dev.lambdakit.testhandlers.Handlers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pure-Java bootstrap: forked runtimes on every platform. */
class BootstrapTest {

    @Test
    @DisplayName("LambdaKit's pure-Java bootstrap serves the same protocol where the official client cannot run")
    void bootstrap() {
        FunctionConfig config = FunctionConfig.builder()
                .handler(Handlers.StaticInit.class.getName())
                .timeout(Duration.ofSeconds(10))
                .execution(Execution.FORKED_BOOTSTRAP)
                .build();
        try (LambdaFunction fn = LambdaFunction.create(config)) {
            InvocationResult<Object> first = fn.invoke("{}");
            InvocationResult<Object> second = fn.invoke("{}");

            assertThat(first.isSuccess()).as("%s", first).isTrue();
            assertThat(((Map<?, ?>) second.output()).get("invocations")).isEqualTo(2);
        }
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(Handlers.Throwing.class.getName() + "::fail")
                .execution(Execution.FORKED_BOOTSTRAP)
                .build())) {
            LambdaError error = fn.invoke("\"x\"").error().orElseThrow();
            assertThat(error.errorMessage()).isEqualTo("bad input: x");
            assertThat(error.functionErrorType()).isEqualTo("Runtime.UserException");
        }
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(Handlers.BadInit.class.getName())
                .execution(Execution.FORKED_BOOTSTRAP)
                .build())) {
            LambdaError error = fn.invoke("{}").error().orElseThrow();
            assertThat(error.phase()).isEqualTo(LambdaError.Phase.INIT);
            assertThat(error.errorMessage()).isEqualTo("Error loading class " + Handlers.BadInit.class.getName());
        }
    }
}

package dev.lambdakit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.testhandlers.Handlers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private static LambdaFunction function(Class<?> handler, String method, int timeoutSeconds) {
        FunctionConfig.Builder b = FunctionConfig.builder()
                .handler(method == null ? handler.getName() : handler.getName() + "::" + method)
                .timeout(Duration.ofSeconds(timeoutSeconds));
        return LambdaFunction.create(b.build());
    }

    @Test
    @DisplayName("the first invocation is cold, later ones warm and keep static state")
    void coldThenWarm() {
        try (LambdaFunction fn = function(Handlers.StaticInit.class, null, 3)) {
            InvocationResult<Object> first = fn.invoke("{}");
            InvocationResult<Object> second = fn.invoke("{}");

            assertThat(first.isColdStart()).isTrue();
            assertThat(first.report().initDurationMillis()).isPresent();
            assertThat(second.isColdStart()).isFalse();
            assertThat(second.report().initDurationMillis()).isEmpty();
            Map<?, ?> a = (Map<?, ?>) first.output();
            Map<?, ?> b = (Map<?, ?>) second.output();
            assertThat(b.get("init")).isEqualTo(a.get("init"));
            assertThat(a.get("invocations")).isEqualTo(1);
            assertThat(b.get("invocations")).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("a forced cold start runs static initialisation again, as in a fresh JVM")
    void forcedColdStart() {
        try (LambdaFunction fn = function(Handlers.StaticInit.class, null, 3)) {
            Map<?, ?> a = (Map<?, ?>) fn.invoke("{}").output();
            String keyBefore = fn.credentials().accessKeyId();
            fn.forceColdStart();
            InvocationResult<Object> cold = fn.invoke("{}");
            Map<?, ?> b = (Map<?, ?>) cold.output();

            assertThat(cold.isColdStart()).isTrue();
            assertThat(b.get("init")).isNotEqualTo(a.get("init"));
            assertThat(b.get("invocations")).isEqualTo(1);
            assertThat(fn.credentials().accessKeyId()).isNotEqualTo(keyBefore);
        }
    }
}

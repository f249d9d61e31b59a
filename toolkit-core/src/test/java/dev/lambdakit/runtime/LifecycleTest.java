package dev.lambdakit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.function.HandlerReference;
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

    @Test
    @DisplayName("an init error is retried by the next invocation, in the same environment")
    void initFailureIsRetried() {
        try (LambdaFunction fn = function(Handlers.BadInit.class, null, 3)) {
            String key = fn.credentials().accessKeyId();
            InvocationResult<Object> first = fn.invoke("{}");
            InvocationResult<Object> second = fn.invoke("{}");

            assertThat(first.error()).get().extracting(LambdaError::phase).isEqualTo(LambdaError.Phase.INIT);
            assertThat(second.isColdStart()).isTrue();
            assertThat(second.error()).get().extracting(LambdaError::phase).isEqualTo(LambdaError.Phase.INIT);
            // as a fresh JVM: the static initialiser runs again and fails again, never "Could not initialize class"
            assertThat(second.error().orElseThrow().errorMessage())
                    .isEqualTo(first.error().orElseThrow().errorMessage());
            assertThat(second.error().orElseThrow().cause()).hasRootCauseMessage("static boom");
            assertThat(first.logLines())
                    .anyMatch(l -> l.startsWith("INIT_REPORT Init Duration: ")
                            && l.endsWith("\tPhase: init\tStatus: error\tError Type: Runtime.BadFunctionCode"));
            assertThat(fn.credentials().accessKeyId()).isEqualTo(key);
        }
    }

    @Test
    @DisplayName("a timeout ends the call at the deadline with Lambda's message; the next invocation is cold")
    void timeoutResetsTheRuntime() {
        try (LambdaFunction fn = function(Handlers.Sleepy.class, "sleep", 1)) {
            assertThat(fn.invoke("10").isSuccess()).isTrue();
            InvocationResult<Object> timedOut = fn.invoke("60000");
            InvocationResult<Object> after = fn.invoke("10");

            LambdaError error = timedOut.error().orElseThrow();
            assertThat(error.phase()).isEqualTo(LambdaError.Phase.TIMEOUT);
            assertThat(error.errorMessage())
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z " + timedOut.requestId()
                            + " Task timed out after 1.00 seconds");
            assertThat(error.errorType()).isNull();
            assertThat(timedOut.payloadAsString()).isEqualTo("{\"errorMessage\":\"" + error.errorMessage() + "\"}");
            assertThat(timedOut.logLines()).contains(error.errorMessage());
            assertThat(after.isColdStart()).isTrue();
            assertThat(after.isSuccess()).isTrue();
        }
    }

    @Test
    @DisplayName("a handler that ignores interrupts is abandoned at the deadline; one Java cannot stop is reported")
    void runawayHandlerIsAbandoned() {
        try (LambdaFunction fn = function(Handlers.Busy.class, "spin", 1)) {
            InvocationResult<Object> result = fn.invoke("{}");

            LambdaError error = result.error().orElseThrow();
            assertThat(error.phase()).isEqualTo(LambdaError.Phase.TIMEOUT);
            if (Runtime.version().feature() >= 20) {
                assertThat(error.hint())
                        .contains(
                                "LAMBDAKIT WARNING: the handler of",
                                "cannot stop a thread",
                                "Execution.FORKED",
                                "Handlers$Busy.spin");
                assertThat(result.logLines()).anyMatch(l -> l.startsWith("LAMBDAKIT WARNING"));
            } else {
                assertThat(error.hint()).doesNotContain("LAMBDAKIT WARNING");
            }
            assertThat(fn.invoke("{}").error())
                    .get()
                    .extracting(LambdaError::phase)
                    .isEqualTo(LambdaError.Phase.TIMEOUT); // the next invocation starts a fresh runtime
        }
    }

    @Test
    @DisplayName("an init slower than the init limit is retried inside the invocation, bounded by the timeout")
    void initTimeoutIsRetriedWithinTheInvocation() {
        FunctionConfig config = FunctionConfig.builder()
                .handler(Handlers.SlowInit.class)
                .initTimeout(Duration.ofMillis(300))
                .timeout(Duration.ofSeconds(3))
                .build();
        try (LambdaFunction fn = LambdaFunction.create(config)) {
            InvocationResult<Object> result = fn.invoke("{}");

            assertThat(result.isSuccess()).as("%s", result).isTrue();
            assertThat(result.payloadAsString()).isEqualTo("\"ready\"");
            assertThat(result.logLines()).anyMatch(l -> l.contains("Phase: init\tStatus: timeout"));
        }
        FunctionConfig tooSlow =
                config.toBuilder().timeout(Duration.ofSeconds(1)).build();
        try (LambdaFunction fn = LambdaFunction.create(tooSlow)) {
            InvocationResult<Object> result = fn.invoke("{}");

            assertThat(result.error()).get().extracting(LambdaError::phase).isEqualTo(LambdaError.Phase.TIMEOUT);
        }
    }

    @Test
    @DisplayName("invocations of one function run one at a time")
    void invocationsAreSerialized() throws Exception {
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        HandlerReference counting = HandlerReference.ofInstance(
                () -> new Handlers.Sleepy() {
                    @Override
                    public String sleep(Integer millis, com.amazonaws.services.lambda.runtime.Context context)
                            throws InterruptedException {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        try {
                            return super.sleep(millis, context);
                        } finally {
                            running.decrementAndGet();
                        }
                    }
                },
                "sleep");
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(counting)
                .timeout(Duration.ofSeconds(3))
                .build())) {
            fn.invoke("1");
            Thread other = new Thread(() -> fn.invoke("200"));
            other.start();
            fn.invoke("200");
            other.join();

            assertThat(most).hasValue(1);
        }
    }

    @Test
    @DisplayName("an OutOfMemoryError ends the runtime like a crash: error reported, next invocation cold")
    void virtualMachineErrorResetsTheRuntime() {
        HandlerReference oom = HandlerReference.ofInstance(
                () -> new Handlers.Upper() {
                    @Override
                    public String upper(String in) {
                        throw new OutOfMemoryError("Java heap space");
                    }
                },
                "upper");
        try (LambdaFunction fn =
                LambdaFunction.create(FunctionConfig.builder().handler(oom).build())) {
            InvocationResult<Object> first = fn.invoke("\"x\"");
            InvocationResult<Object> second = fn.invoke("\"x\"");

            assertThat(first.error()).get().extracting(LambdaError::errorType).isEqualTo("java.lang.OutOfMemoryError");
            assertThat(second.isColdStart()).isTrue();
        }
    }

    @Test
    void aClosedFunctionRefusesInvocations() {
        LambdaFunction fn = function(Handlers.Echo.class, null, 3);
        fn.close();
        fn.close();

        assertThatThrownBy(() -> fn.invoke("{}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Function Handlers-Echo is closed");
    }
}

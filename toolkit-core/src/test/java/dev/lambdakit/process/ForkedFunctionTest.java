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
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The official runtime interface client in a child JVM, against LambdaKit's Runtime API server. */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the runtime interface client ships native code for Linux only")
class ForkedFunctionTest {

    static LambdaFunction forked(String handler, int timeoutSeconds) {
        return LambdaFunction.create(FunctionConfig.builder()
                .handler(handler)
                .memoryMb(256)
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .env("GREETING", "hi")
                .execution(Execution.FORKED)
                .build());
    }

    @Test
    @DisplayName("cold then warm: the same child serves both, with the environment set for real")
    void coldThenWarm() {
        try (LambdaFunction fn = forked(Handlers.StaticInit.class.getName(), 10)) {
            InvocationResult<Object> first = fn.invoke("{}");
            long pid = ForkedChildren.pidOf(Handlers.StaticInit.class.getName());
            InvocationResult<Object> second = fn.invoke("{}");

            assertThat(first.isSuccess()).as("%s", first).isTrue();
            assertThat(first.isColdStart()).isTrue();
            assertThat(first.report().initDurationMillis()).isPresent();
            assertThat(second.isColdStart()).isFalse();
            assertThat(((Map<?, ?>) second.output()).get("invocations")).isEqualTo(2);
            assertThat(ForkedChildren.pidOf(Handlers.StaticInit.class.getName()))
                    .isEqualTo(pid);
            assertThat(second.report().maxMemoryUsedMb()).isBetween(1, 256);
        }
    }

    @Test
    @DisplayName("the child sees the reserved variables and credentials in its real environment")
    void environment() {
        try (LambdaFunction fn = forked(Handlers.Env.class.getName() + "::handle", 10)) {
            Map<?, ?> env = (Map<?, ?>) fn.invoke("[\"AWS_REGION\",\"AWS_LAMBDA_FUNCTION_MEMORY_SIZE\","
                            + "\"AWS_ACCESS_KEY_ID\",\"GREETING\",\"AWS_LAMBDA_RUNTIME_API\",\"HOME\"]")
                    .output();

            assertThat(env.get("AWS_REGION")).isEqualTo("us-east-1");
            assertThat(env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")).isEqualTo("256");
            assertThat((String) env.get("AWS_ACCESS_KEY_ID")).startsWith("ASIALAMBDAKIT");
            assertThat(env.get("GREETING")).isEqualTo("hi");
            assertThat((String) env.get("AWS_LAMBDA_RUNTIME_API")).startsWith("127.0.0.1:");
            assertThat(env.containsKey("HOME")).isFalse();
        }
    }

    @Test
    @DisplayName("a handler exception comes back as the client reports it: Runtime.UserException")
    void handlerError() {
        try (LambdaFunction fn = forked(Handlers.Throwing.class.getName() + "::fail", 10)) {
            InvocationResult<Object> result = fn.invoke("\"x\"");

            LambdaError error = result.error().orElseThrow();
            assertThat(error.errorMessage()).isEqualTo("bad input: x");
            assertThat(error.errorType()).isEqualTo("java.lang.IllegalArgumentException");
            assertThat(error.functionErrorType()).isEqualTo("Runtime.UserException");
            assertThat(error.stackTrace())
                    .first()
                    .asString()
                    .startsWith("dev.lambdakit.testhandlers.Handlers$Throwing");
        }
    }

    @Test
    @DisplayName("a throwing static initialiser is an init error posted to /runtime/init/error")
    void initError() {
        try (LambdaFunction fn = forked(Handlers.BadInit.class.getName(), 10)) {
            InvocationResult<Object> result = fn.invoke("{}");

            LambdaError error = result.error().orElseThrow();
            assertThat(error.phase()).isEqualTo(LambdaError.Phase.INIT);
            assertThat(error.errorMessage()).isEqualTo("Error loading class " + Handlers.BadInit.class.getName());
            assertThat(error.errorType()).isEqualTo("java.lang.ExceptionInInitializerError");
            assertThat(error.functionErrorType()).isEqualTo("Runtime.BadFunctionCode");
            assertThat(result.report().maxMemoryUsedMb())
                    .as("the child's peak memory, read before it exited")
                    .isPositive();
            assertThat(result.logLines())
                    .anyMatch(l -> l.startsWith("INIT_REPORT Init Duration: ") && l.contains("Status: error"));
        }
    }

    @Test
    @DisplayName("a timeout kills the child; the next invocation starts a new one")
    void timeoutKillsTheProcess() {
        try (LambdaFunction fn = forked(Handlers.Sleepy.class.getName() + "::sleep", 1)) {
            fn.invoke("10");
            long pid = ForkedChildren.pidOf(Handlers.Sleepy.class.getName() + "::sleep");
            InvocationResult<Object> timedOut = fn.invoke("60000");
            InvocationResult<Object> after = fn.invoke("10");

            assertThat(timedOut.error()).get().extracting(LambdaError::phase).isEqualTo(LambdaError.Phase.TIMEOUT);
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            assertThat(after.isColdStart()).isTrue();
            assertThat(after.payloadAsString()).isEqualTo("\"slept 10\"");
        }
    }

    @Test
    @DisplayName("an unknown class is reported per invocation, as the client does")
    void classNotFound() {
        try (LambdaFunction fn = forked("com.example.Missing::handle", 10)) {
            LambdaError error = fn.invoke("{}").error().orElseThrow();

            assertThat(error.errorMessage()).isEqualTo("Class not found: com.example.Missing");
            assertThat(error.functionErrorType()).isEqualTo("Runtime.BadFunctionCode");
        }
    }

    @Test
    @DisplayName("System.exit in the handler is a Runtime.ExitError, and the next invocation is cold")
    void exitIsAnExitError() {
        try (LambdaFunction fn = forked(Handlers.Exits.class.getName() + "::exit", 10)) {
            InvocationResult<Object> result = fn.invoke("3");
            InvocationResult<Object> next = fn.invoke("4");

            LambdaError error = result.error().orElseThrow();
            assertThat(error.phase()).isEqualTo(LambdaError.Phase.RUNTIME_EXIT);
            assertThat(error.errorType()).isEqualTo("Runtime.ExitError");
            assertThat(error.errorMessage())
                    .isEqualTo("RequestId: " + result.requestId() + " Error: Runtime exited with error: exit status 3");
            assertThat(next.isColdStart()).isTrue();
        }
    }

    @Test
    @DisplayName("a child never outlives its test JVM, even when that JVM is killed")
    void noOrphans() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OrphanProbe.class.getName());
        pb.redirectErrorStream(true);
        Process parent = pb.start();
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(parent.getInputStream()));
        long childPid = -1;
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("CHILD-PID ")) {
                childPid = Long.parseLong(line.substring(10).trim());
                break;
            }
        }
        assertThat(childPid).isPositive();
        assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive)).contains(true);

        parent.destroyForcibly().waitFor();
        long id = childPid;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
    }

    @Test
    @DisplayName("a handler exhausting its heap (85 % of the memory setting) fails, and the runtime starts afresh")
    void outOfMemory() {
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(Handlers.Hog.class.getName() + "::hog")
                .memoryMb(128)
                .timeout(Duration.ofSeconds(20))
                .execution(Execution.FORKED)
                .build())) {
            InvocationResult<Object> result = fn.invoke("{}");
            InvocationResult<Object> next = fn.invoke("{}");

            LambdaError error = result.error().orElseThrow();
            assertThat(error.errorType()).isIn("java.lang.OutOfMemoryError", "Runtime.ExitError");
            assertThat(result.report().maxMemoryUsedMb()).isGreaterThan(64);
            assertThat(next.isColdStart()).isTrue();
        }
    }
}

package dev.lambdakit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.cloud.EmbeddedBackend;
import dev.lambdakit.cloud.TestResources;
import dev.lambdakit.function.Execution;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.function.HandlerReference;
import dev.lambdakit.process.ForkedChildren;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import dev.lambdakit.testhandlers.CloudHandlers;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Faults a handler or a backend can cause, each ending in a clear outcome, with the next test unaffected. */
class FaultsTest {

    @Test
    @DisplayName("a backend that dies mid-test gives the SDK's clear connection error, not a hang")
    @org.junit.jupiter.api.Timeout(120)
    void backendDies() {
        EmbeddedBackend backend = EmbeddedBackend.shared();
        try (TestResources resources = new TestResources(backend)) {
            String bucket = resources.bucket("dies").name();
            backend.stopAll();
            // a hang would end in @Timeout, never a pass
            assertThatThrownBy(() -> resources.s3().headBucket(r -> r.bucket(bucket)))
                    .isInstanceOf(SdkClientException.class)
                    .hasMessageContaining("Unable to execute HTTP request");
        } catch (IllegalStateException cleanupAfterStop) {
            assertThat(cleanupAfterStop).hasMessageStartingWith("Could not remove every test resource");
        }
        assertThat(backend.endpoint(AwsService.S3).getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "the runtime interface client ships native code for Linux only")
    @DisplayName("the guard against real AWS holds inside a forked runtime too")
    void guardInForkedRuntime() {
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(CloudHandlers.RealS3.class.getName() + "::handle")
                .execution(Execution.FORKED)
                .timeout(Duration.ofSeconds(20))
                .build())) {
            InvocationResult<Object> result = fn.invoke("{}");

            assertThat(result.error())
                    .get()
                    .extracting(e -> e.errorMessage())
                    .asString()
                    .contains("LambdaKit stopped a request to real AWS: S3.ListBuckets");
        }
    }

    /** Starts a non-daemon thread that would run forever on the first call, and reports whether it still runs. */
    public static class Leaky {
        public static final java.util.concurrent.atomic.AtomicReference<Thread> STARTED =
                new java.util.concurrent.atomic.AtomicReference<>();
        private Thread started;

        public String leak(Object ignored) {
            if (started != null) {
                return started.isAlive() ? "still running" : "ended";
            }
            started = new Thread(
                    () -> {
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "leaky-non-daemon");
            started.setDaemon(false);
            started.start();
            STARTED.set(started);
            return "started";
        }
    }

    /** Two threads, two locks, opposite order. */
    public static class Deadlock {
        public String lock(Object ignored) throws InterruptedException {
            Object a = new Object();
            Object b = new Object();
            Thread other = new Thread(() -> {
                synchronized (b) {
                    sleep();
                    synchronized (a) {
                        a.hashCode();
                    }
                }
            });
            other.start();
            synchronized (a) {
                sleep();
                synchronized (b) {
                    return "unreachable";
                }
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    @DisplayName("a non-daemon thread a handler leaves running: the invocation returns, the thread lives on while the "
            + "environment is warm, and ends with the environment")
    void leftoverThreadsEnd() throws InterruptedException {
        Thread leaked;
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(HandlerReference.ofInstance(Leaky::new, "leak"))
                .build())) {
            assertThat(fn.invoke("{}").payloadAsString()).isEqualTo("\"started\"");
            assertThat(fn.invoke("{}").payloadAsString()).isEqualTo("\"still running\"");
            leaked = Leaky.STARTED.get();
            assertThat(leaked.isDaemon()).isFalse();
        }
        leaked.join(2000);
        assertThat(leaked.isAlive())
                .as("the leftover thread after the environment closed")
                .isFalse();
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "the runtime interface client ships native code for Linux only")
    @DisplayName("a forked runtime with a leftover non-daemon thread still answers, and closing it ends the process")
    void leftoverThreadsForked() throws Exception {
        ProcessHandle child;
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(Leaky.class.getName() + "::leak")
                .execution(Execution.FORKED)
                .timeout(Duration.ofSeconds(20))
                .build())) {
            assertThat(fn.invoke("{}").output()).isEqualTo("started");
            assertThat(fn.invoke("{}").output()).isEqualTo("still running");
            child = ProcessHandle.of(ForkedChildren.pidOf(Leaky.class.getName() + "::leak"))
                    .orElseThrow();
        }
        assertThat(child.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS).isAlive())
                .isFalse();
    }

    @Test
    @DisplayName("a deadlocked handler times out, and the next invocation runs in a fresh runtime")
    void deadlock() {
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(HandlerReference.ofInstance(Deadlock::new, "lock"))
                .timeout(Duration.ofSeconds(1))
                .build())) {
            InvocationResult<Object> stuck = fn.invoke("{}");
            boolean warmAfter = fn.isWarm();

            assertThat(stuck.error())
                    .get()
                    .extracting(e -> e.phase())
                    .isEqualTo(dev.lambdakit.runtime.LambdaError.Phase.TIMEOUT);
            assertThat(warmAfter).isFalse();
        }
    }

    @Test
    @DisplayName("a handler that exhausts the heap in process fails with OutOfMemoryError; the JVM lives on and serves")
    void heapExhaustedInProcess() throws Exception {
        Process probe = probe(HeapExhaustionProbe.class, "-Xmx96m")
                .redirectErrorStream(true)
                .start();
        try {
            String out = new String(probe.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(probe.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            assertThat(out).contains("HOG java.lang.OutOfMemoryError", "WARM false", "NEXT {\"after\":\"oom\"}");
            assertThat(probe.exitValue())
                    .as("probe exit status; output:%n%s", out)
                    .isZero();
        } finally {
            probe.destroyForcibly();
        }
    }

    @Test
    @DisplayName("a handler writing 1 GiB to stdout in a 128 MB heap completes; the captured log stays bounded")
    void gibibyteToStdout() throws Exception {
        Process probe = probe(LoudHandlerProbe.class, "-Xmx128m")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String report = new String(probe.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(probe.waitFor(120, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();

            assertThat(report).contains("RESULT \"done\"", "NEXT \"done\"");
            long captured = Long.parseLong(report.lines()
                    .filter(l -> l.startsWith("CAPTURED "))
                    .findFirst()
                    .orElseThrow()
                    .substring(9));
            assertThat(captured).isBetween(1L << 20, (8L << 20) + 4096);
            assertThat(probe.exitValue())
                    .as("probe exit status; report:%n%s", report)
                    .isZero();
        } finally {
            probe.destroyForcibly();
        }
    }

    /** A JVM like this one, with a heap limit, running a probe's main method. */
    private static ProcessBuilder probe(Class<?> main, String heap) {
        return new ProcessBuilder(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(),
                heap,
                "-Dlambdakit.console=none",
                "-cp",
                System.getProperty("java.class.path"),
                main.getName());
    }
}

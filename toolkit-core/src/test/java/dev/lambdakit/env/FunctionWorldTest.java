package dev.lambdakit.env;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lambdakit.env.internal.EnvironmentOverlay;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.function.HandlerReference;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The function's world on threads it does not own. The build plants a developer's key and a host-only variable in
 * this JVM's environment (surefire's environmentVariables), as a user's machine has them.
 */
class FunctionWorldTest {

    static final String PLANTED_KEY = "AKIAPLANTEDTOOLKIT01";
    static final List<String> NAMES = List.of(
            "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "TABLE", "RECEIPT_BUCKET", "PATH", "HOME");

    /** A library's pool, its threads started before any function: they inherit no scope. */
    private static ExecutorService pool;

    @BeforeAll
    static void startPool() throws Exception {
        pool = Executors.newFixedThreadPool(2);
        pool.submit(() -> null).get();
        pool.submit(() -> null).get();
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    /** Reads the variables on the pool's threads, as a handler handing work to a library does. */
    public static final class PoolProbe implements RequestHandler<Object, Map<String, String>> {
        @Override
        public Map<String, String> handleRequest(Object input, Context context) {
            return onPool();
        }
    }

    static Map<String, String> onPool() {
        try {
            Future<Map<String, String>> seen = pool.submit(() -> {
                Map<String, String> values = new HashMap<>();
                for (String name : NAMES) {
                    values.put(name, String.valueOf(System.getenv(name)));
                }
                return values;
            });
            return seen.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static LambdaFunction function(String region, String table, String... hostVariables) {
        return LambdaFunction.create(FunctionConfig.builder()
                .handler(HandlerReference.ofInstance(PoolProbe::new))
                .functionName("world-" + table)
                .region(region)
                .env("TABLE", table)
                .hostVariables(hostVariables)
                .build());
    }

    @Test
    void theBuildPlantedAKeyAndAHostVariable() {
        assertThat(System.getenv("AWS_ACCESS_KEY_ID")).isEqualTo(PLANTED_KEY);
        assertThat(System.getenv("RECEIPT_BUCKET")).isEqualTo("host-only-bucket");
    }

    @Test
    @DisplayName("a pool thread doing the only function's work sees that function's variables, never the host's key")
    void onePoolThreadOneFunction() {
        try (LambdaFunction fn = function("eu-central-1", "orders")) {
            @SuppressWarnings("unchecked")
            Map<String, String> seen = (Map<String, String>) fn.invoke("{}").output();

            assertThat(seen)
                    .containsEntry("AWS_REGION", "eu-central-1")
                    .containsEntry("TABLE", "orders")
                    .containsEntry("RECEIPT_BUCKET", "null")
                    .containsEntry("HOME", "null")
                    .containsEntry("PATH", "/usr/local/bin:/usr/bin/:/bin:/opt/bin");
            assertThat(seen.get("AWS_ACCESS_KEY_ID")).startsWith("ASIA").isNotEqualTo(PLANTED_KEY);
            assertThat(seen.get("AWS_ACCESS_KEY_ID")).isEqualTo(fn.credentials().accessKeyId());
        }
        assertThat(onPool()).containsEntry("AWS_ACCESS_KEY_ID", PLANTED_KEY); // no function: the JVM's own
    }

    /** Parallel streams and CompletableFuture's default executor: the common pool, or a thread per task. */
    public static class CommonPoolHandler {
        public Map<String, Object> handle(Object ignored) {
            Map<String, Object> seen = new HashMap<>();
            seen.put(
                    "stream",
                    java.util.stream.IntStream.range(0, 64)
                            .parallel()
                            .mapToObj(i -> System.getenv("TABLE") + "/" + System.getenv("AWS_ACCESS_KEY_ID"))
                            .collect(java.util.stream.Collectors.toSet()));
            seen.put(
                    "async",
                    java.util.concurrent.CompletableFuture.supplyAsync(
                                    () -> System.getenv("TABLE") + "/" + System.getenv("AWS_ACCESS_KEY_ID"))
                            .join());
            seen.put("parallelism", java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
            return seen;
        }
    }

    @Test
    @DisplayName("parallel streams and supplyAsync inside a handler see the function's variables")
    void commonPool() {
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(CommonPoolHandler.class.getName() + "::handle")
                .env("TABLE", "pooled")
                .build())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> seen = (Map<String, Object>) fn.invoke("{}").output();
            String expected = "pooled/" + fn.credentials().accessKeyId();

            assertThat(seen.get("stream"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .containsExactly(expected);
            assertThat(seen.get("async")).isEqualTo(expected);
            assertThat(seen.get("parallelism"))
                    .isEqualTo(Integer.getInteger(
                            "java.util.concurrent.ForkJoinPool.common.parallelism",
                            Math.max(1, Runtime.getRuntime().availableProcessors() - 1)));
        }
    }

    @Test
    @DisplayName("with two functions open, a thread of neither sees neither and no AWS identity at all")
    void twoFunctions() {
        try (LambdaFunction a = function("eu-central-1", "a");
                LambdaFunction b = function("us-west-2", "b")) {
            Map<String, String> seen = onPool();

            assertThat(seen)
                    .containsEntry("AWS_ACCESS_KEY_ID", "null")
                    .containsEntry("AWS_SECRET_ACCESS_KEY", "null")
                    .containsEntry("AWS_REGION", "null")
                    .containsEntry("TABLE", "null");
            assertThat(seen.get("PATH")).isEqualTo(String.valueOf(EnvironmentOverlay.realVariable("PATH")));
        }
    }

    @Test
    @DisplayName("host variables reach the function only when named")
    void hostVariablesByName() {
        try (LambdaFunction fn = function("eu-west-1", "named", "RECEIPT_BUCKET", "HOME", "LK_UNSET_VARIABLE")) {
            assertThat(fn.environmentVariables())
                    .containsEntry("RECEIPT_BUCKET", "host-only-bucket")
                    .doesNotContainKey("LK_UNSET_VARIABLE");
        }
        try (LambdaFunction fn = function("eu-west-1", "unnamed")) {
            assertThat(fn.environmentVariables())
                    .doesNotContainKeys("RECEIPT_BUCKET", "HOME", "MAVEN_CMD_LINE_ARGS")
                    .containsEntry("LANG", "en_US.UTF-8")
                    .containsEntry("TZ", ":UTC")
                    .containsKey("LD_LIBRARY_PATH");
        }
    }

    @Test
    @DisplayName("a thread that outlived its function serves the next one with the next one's variables")
    void aWorkerCreatedUnderOneFunctionServesTheNext() throws Exception {
        ExecutorService created;
        try (LambdaFunction first = function("eu-west-1", "first");
                var bound = first.bindEnvironment()) {
            created = Executors.newSingleThreadExecutor();
            assertThat(created.submit(() -> System.getenv("TABLE")).get()).isEqualTo("first");
        }
        try (LambdaFunction second = function("eu-west-1", "second")) {
            assertThat(created.submit(() -> System.getenv("TABLE")).get()).isEqualTo("second");
        } finally {
            created.shutdownNow();
        }
    }
}

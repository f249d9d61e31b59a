package dev.lambdakit.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdakit.env.internal.EnvironmentOverlay;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.LambdaFunction;
import dev.lambdakit.testhandlers.Handlers;
import dev.lambdakit.testhandlers.SdkIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment a handler sees: reserved variables, temporary credentials, its own variables, nothing real. */
class SimulatedEnvironmentTest {

    private static final List<String> RESERVED = List.of(
            "AWS_REGION",
            "AWS_DEFAULT_REGION",
            "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE",
            "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME",
            "_HANDLER",
            "_X_AMZN_TRACE_ID",
            "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR",
            "TZ",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "ORDERS_TABLE");

    private static LambdaFunction function(String region, String table) {
        return LambdaFunction.create(FunctionConfig.builder()
                .handler(Handlers.Env.class.getName() + "::handle")
                .functionName("env-probe")
                .memoryMb(256)
                .region(region)
                .runtime("java21")
                .env("ORDERS_TABLE", table)
                .build());
    }

    private static String namesJson() {
        return "[\"" + String.join("\",\"", RESERVED) + "\"]";
    }

    @Test
    @DisplayName("the handler sees Lambda's reserved variables, STS-shaped credentials and its own variables")
    void reservedVariables() {
        try (LambdaFunction fn = function("eu-central-1", "orders")) {
            Map<?, ?> env = fn.invoke(namesJson(), Map.class).output();

            assertThat(env.get("AWS_REGION")).isEqualTo("eu-central-1");
            assertThat(env.get("AWS_DEFAULT_REGION")).isEqualTo("eu-central-1");
            assertThat(env.get("AWS_EXECUTION_ENV")).isEqualTo("AWS_Lambda_java21");
            assertThat(env.get("AWS_LAMBDA_FUNCTION_NAME")).isEqualTo("env-probe");
            assertThat(env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")).isEqualTo("256");
            assertThat(env.get("AWS_LAMBDA_FUNCTION_VERSION")).isEqualTo("$LATEST");
            assertThat(env.get("AWS_LAMBDA_INITIALIZATION_TYPE")).isEqualTo("on-demand");
            assertThat(env.get("AWS_LAMBDA_LOG_GROUP_NAME")).isEqualTo("/aws/lambda/env-probe");
            assertThat((String) env.get("AWS_LAMBDA_LOG_STREAM_NAME"))
                    .matches("\\d{4}/\\d\\d/\\d\\d/\\[\\$LATEST][0-9a-f]{32}");
            assertThat(env.get("_HANDLER")).isEqualTo(Handlers.Env.class.getName() + "::handle");
            assertThat((String) env.get("_X_AMZN_TRACE_ID")).startsWith("Root=1-");
            assertThat(env.get("LAMBDA_TASK_ROOT")).isEqualTo("/var/task");
            assertThat(env.get("LAMBDA_RUNTIME_DIR")).isEqualTo("/var/runtime");
            assertThat(env.get("TZ")).isEqualTo(":UTC");
            assertThat((String) env.get("AWS_ACCESS_KEY_ID")).hasSize(20).startsWith("ASIA");
            assertThat((String) env.get("AWS_SECRET_ACCESS_KEY")).hasSize(40).matches("[A-Za-z0-9+/]{40}");
            assertThat((String) env.get("AWS_SESSION_TOKEN"))
                    .startsWith(TemporaryCredentials.SESSION_TOKEN_PREFIX)
                    .hasSizeGreaterThan(300);
            assertThat(env.get("ORDERS_TABLE")).isEqualTo("orders");
        }
    }

    @Test
    @DisplayName("credentials are fixed for an environment's life and differ between environments")
    void credentialsPerEnvironment() {
        try (LambdaFunction fn = function("us-east-1", "t")) {
            Object first =
                    fn.invoke("[\"AWS_ACCESS_KEY_ID\"]", Map.class).output().get("AWS_ACCESS_KEY_ID");
            Object again =
                    fn.invoke("[\"AWS_ACCESS_KEY_ID\"]", Map.class).output().get("AWS_ACCESS_KEY_ID");
            fn.forceColdStart();
            Object fresh =
                    fn.invoke("[\"AWS_ACCESS_KEY_ID\"]", Map.class).output().get("AWS_ACCESS_KEY_ID");

            assertThat(again).isEqualTo(first);
            assertThat(fresh).isNotEqualTo(first).isEqualTo(fn.credentials().accessKeyId());
            assertThat(fn.credentials().toString())
                    .doesNotContain(fn.credentials().secretAccessKey())
                    .doesNotContain(fn.credentials().sessionToken());
        }
    }

    @Test
    @DisplayName("the runtime's own log lines and the function's description never carry the secret or the token")
    void credentialsStayOutOfLogs() {
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(Handlers.Echo.class)
                .env("GREETING", "hello")
                .build())) {
            var result = fn.invoke(Map.of("a", 1));
            String secret = fn.credentials().secretAccessKey();
            String token = fn.credentials().sessionToken();

            assertThat(result.log())
                    .contains("REPORT RequestId")
                    .doesNotContain(secret)
                    .doesNotContain(token);
            assertThat(result.toString()).doesNotContain(secret).doesNotContain(token);
            assertThat(fn.toString()).doesNotContain(secret).doesNotContain(token);
        }
    }

    @Test
    @DisplayName("the AWS SDK's default credential and region chains find the simulated values inside a handler")
    void sdkDefaultChains() {
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(SdkIdentity.class.getName() + "::handle")
                .region("sa-east-1")
                .build())) {
            Map<?, ?> seen = fn.invoke("null", Map.class).output();

            assertThat(seen.get("accessKeyId")).isEqualTo(fn.credentials().accessKeyId());
            assertThat(seen.get("secretAccessKey")).isEqualTo(fn.credentials().secretAccessKey());
            assertThat(seen.get("sessionToken")).isEqualTo(fn.credentials().sessionToken());
            assertThat(seen.get("region")).isEqualTo("sa-east-1");
        }
    }

    @Test
    @DisplayName("the test thread sees the function's environment while bound, and the real one after it closes")
    void bindingTheTestThread() {
        Map<String, String> before = new HashMap<>(System.getenv());
        try (LambdaFunction fn = function("eu-west-1", "bound");
                LambdaFunction other = function("eu-west-2", "b")) {
            try (LambdaFunction.EnvironmentBinding ignored = fn.bindEnvironment()) {
                assertThat(System.getenv("ORDERS_TABLE")).isEqualTo("bound");
                assertThat(System.getenv("AWS_REGION")).isEqualTo("eu-west-1");
            }
            // unbound while two functions run: neither's values, no AWS identity
            assertThat(System.getenv("ORDERS_TABLE")).isNull();
            assertThat(System.getenv("AWS_REGION")).isNull();
        }
        assertThat(System.getenv()).isEqualTo(before);
        assertThat(EnvironmentOverlay.isInstalled()).isFalse();
    }

    @Test
    @DisplayName("functions on parallel threads never see each other's values")
    void parallelIsolation() throws Exception {
        Map<String, String> before = new HashMap<>(System.getenv());
        String[] regions = {"us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "sa-east-1"};
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 24; t++) {
                int id = t;
                futures.add(pool.submit(() -> {
                    List<String> mismatches = new ArrayList<>();
                    String region = regions[id % regions.length];
                    try (LambdaFunction fn = function(region, "table-" + id);
                            LambdaFunction.EnvironmentBinding ignored = fn.bindEnvironment()) {
                        for (int i = 0; i < 20; i++) {
                            Map<?, ?> env = fn.invoke(
                                            "[\"ORDERS_TABLE\",\"AWS_REGION\",\"AWS_ACCESS_KEY_ID\"]", Map.class)
                                    .output();
                            if (!("table-" + id).equals(env.get("ORDERS_TABLE"))
                                    || !region.equals(env.get("AWS_REGION"))
                                    || !fn.credentials().accessKeyId().equals(env.get("AWS_ACCESS_KEY_ID"))
                                    || !("table-" + id).equals(System.getenv("ORDERS_TABLE"))) {
                                mismatches.add(id + ":" + env);
                            }
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<List<String>> f : futures) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(System.getenv()).isEqualTo(before);
    }

    @Test
    @DisplayName("JVM-wide aws.* properties would beat the simulation: refused with the names")
    void conflictingSystemProperties() {
        System.setProperty("aws.accessKeyId", "AKIAEXAMPLE");
        try {
            assertThatThrownBy(() -> function("us-east-1", "t"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("System property [aws.accessKeyId] set for the whole JVM");
        } finally {
            System.clearProperty("aws.accessKeyId");
        }
    }

    @Test
    @DisplayName("a developer's planted credentials file, profile and variables never reach the function")
    void credentialSandbox(@TempDir Path home) throws IOException, InterruptedException {
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Path credentials = aws.resolve("credentials");
        Files.writeString(
                credentials,
                "[default]\naws_access_key_id = AKIAPLANTEDDEFAULT01\n"
                        + "aws_secret_access_key = plantedSecretDefault0000000000000000000\n\n[dev]\n"
                        + "aws_access_key_id = AKIAPLANTEDDEVPROF01\n"
                        + "aws_secret_access_key = plantedSecretDev00000000000000000000000\n");
        Files.writeString(
                aws.resolve("config"), "[default]\nregion = eu-north-1\n[profile dev]\nregion = eu-north-1\n");
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home,
                "-cp",
                System.getProperty("java.class.path"),
                SandboxProbe.class.getName());
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("AWS_PROFILE", "dev");
        env.put("AWS_ACCESS_KEY_ID", "AKIAPLANTEDENVVAR001");
        env.put("AWS_SECRET_ACCESS_KEY", "plantedSecretEnv00000000000000000000000");
        env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        env.put("AWS_REGION", "eu-north-1");
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/credentials");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output)
                .as(output)
                .contains("PROBE-RESULT ")
                .doesNotContain("AKIAPLANTED")
                .contains("\"region\":\"ap-south-1\"")
                .contains("\"profile\":\"refused: ")
                .doesNotContain("awsProfileVariable");
        String simulated =
                output.substring(output.indexOf("PROBE-SIMULATED-KEY ") + 20).trim();
        assertThat(output).contains("\"accessKeyId\":\"" + simulated + "\"");
        assertThat(simulated).startsWith(TemporaryCredentials.ACCESS_KEY_PREFIX);
    }
}

package dev.lambdakit.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.function.Execution;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.LambdaFunction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@EnabledOnOs(value = OS.LINUX, disabledReason = "the process environment and /proc are read on Linux")
class SubprocessTest {

    /** Starts child processes three ways and a long-lived tree, and reports what the children see. */
    public static class Spawner {
        public Map<String, String> spawn(Object ignored) throws IOException, InterruptedException {
            String script = "echo \"$TABLE $AWS_ACCESS_KEY_ID $RECEIPT_BUCKET $PATH\"";
            String plain = read(new ProcessBuilder("sh", "-c", script).start());
            ProcessBuilder withMap = new ProcessBuilder("sh", "-c", script);
            String mapSeen = withMap.environment().get("TABLE") + " "
                    + withMap.environment().get("AWS_ACCESS_KEY_ID");
            String fromMap = read(withMap.start());
            String exec = read(Runtime.getRuntime().exec(new String[] {"sh", "-c", script}));
            // a process tree: the shell and the sleep it starts (its grandchild from here)
            Process tree = new ProcessBuilder("sh", "-c", "sleep 300 & echo $!; wait").start();
            String grandchild = new java.io.BufferedReader(
                            new java.io.InputStreamReader(tree.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            return Map.of(
                    "plain", plain,
                    "fromMap", fromMap,
                    "mapSeen", mapSeen,
                    "exec", exec,
                    "pid", Long.toString(tree.pid()),
                    "grandchild", grandchild);
        }

        private static String read(Process p) throws IOException, InterruptedException {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return out;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"IN_PROCESS", "FORKED"})
    @DisplayName("a function's processes see its environment, however started, and end with it, descendants too")
    void subprocesses(Execution execution) {
        ProcessHandle shell;
        ProcessHandle sleeper;
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(Spawner.class.getName() + "::spawn")
                .execution(execution)
                .env("TABLE", "orders")
                .timeout(Duration.ofSeconds(20))
                .build())) {
            @SuppressWarnings("unchecked")
            Map<String, String> result = (Map<String, String>) fn.invoke("{}").output();

            for (String way : new String[] {"plain", "fromMap", "exec"}) {
                assertThat(result.get(way))
                        .as(way)
                        .startsWith("orders ASIA")
                        .doesNotContain("AKIAPLANTED", "host-only")
                        .endsWith(" /usr/local/bin:/usr/bin/:/bin:/opt/bin");
            }
            assertThat(result.get("mapSeen")).startsWith("orders ASIA");
            shell = ProcessHandle.of(Long.parseLong(result.get("pid"))).orElseThrow();
            sleeper = ProcessHandle.of(Long.parseLong(result.get("grandchild"))).orElseThrow();
            assertThat(sleeper.isAlive()).isTrue();
        }
        shell.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        sleeper.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(shell.isAlive()).as("the function's child after close").isFalse();
        assertThat(sleeper.isAlive()).as("its grandchild after close").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"IN_PROCESS"})
    @DisplayName("after the function ends, the test's own processes see the JVM's environment again")
    void hostEnvironmentRestored(Execution execution) throws Exception {
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(Spawner.class.getName() + "::spawn")
                .execution(execution)
                .build())) {
            fn.invoke("{}");
        }
        Process p = new ProcessBuilder("sh", "-c", "echo \"$AWS_ACCESS_KEY_ID\"").start();
        String seen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        assertThat(seen).isEqualTo(System.getenv("AWS_ACCESS_KEY_ID"));
        assertThat(new ProcessBuilder().environment()).isEqualTo(System.getenv());
    }
}

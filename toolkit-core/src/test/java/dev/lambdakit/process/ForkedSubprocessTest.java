package dev.lambdakit.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.function.Execution;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.LambdaFunction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(value = OS.LINUX, disabledReason = "the runtime interface client ships native code for Linux only")
class ForkedSubprocessTest {

    /** Starts a long-lived child process and reports what a child of the function sees. */
    public static class Spawner {
        public Map<String, String> spawn(Object ignored) throws IOException, InterruptedException {
            Process echo = new ProcessBuilder("sh", "-c", "echo \"$TABLE $AWS_ACCESS_KEY_ID $RECEIPT_BUCKET\"").start();
            String seen = new String(echo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            echo.waitFor();
            Process sleeper = new ProcessBuilder("sleep", "300").start();
            return Map.of("seen", seen, "pid", Long.toString(sleeper.pid()));
        }
    }

    @Test
    @DisplayName("a forked function's processes see its environment and end with it")
    void subprocesses() {
        ProcessHandle sleeper;
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(Spawner.class.getName() + "::spawn")
                .execution(Execution.FORKED)
                .env("TABLE", "forked")
                .timeout(Duration.ofSeconds(20))
                .build())) {
            @SuppressWarnings("unchecked")
            Map<String, String> result = (Map<String, String>) fn.invoke("{}").output();

            assertThat(result.get("seen")).startsWith("forked ASIA").doesNotContain("AKIAPLANTED", "host-only");
            sleeper = ProcessHandle.of(Long.parseLong(result.get("pid"))).orElseThrow();
            assertThat(sleeper.isAlive()).isTrue();
        }
        sleeper.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
        assertThat(sleeper.isAlive())
                .as("the function's child process after close")
                .isFalse();
    }
}

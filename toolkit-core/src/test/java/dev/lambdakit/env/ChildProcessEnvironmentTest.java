package dev.lambdakit.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.env.internal.EnvScope;
import dev.lambdakit.env.internal.EnvironmentOverlay;
import dev.lambdakit.env.internal.NativeEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(value = OS.LINUX, disabledReason = "child processes' environment is set on Linux")
class ChildProcessEnvironmentTest {

    @Test
    @DisplayName("the library that sets child processes' environment loads here")
    void available() {
        assertThat(NativeEnvironment.unavailableReason()).isNull();
    }

    @Test
    @DisplayName("processes started while environments open and close on other threads start, and never see the key")
    void spawnsRaceScopeChanges() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch flipping = new CountDownLatch(2);
        List<Thread> flippers = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            String table = "flip-" + f;
            Thread t = new Thread(() -> {
                flipping.countDown();
                while (!stop.get()) {
                    try (EnvScope scope = EnvironmentOverlay.open(Map.of("TABLE", table, "PATH", "/usr/bin:/bin"))) {
                        Thread.onSpinWait();
                    }
                }
            });
            t.start();
            flippers.add(t);
        }
        flipping.await();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Thread> spawners = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < 60; i++) {
                    try {
                        Process p = new ProcessBuilder("/bin/sh", "-c", "echo \"$AWS_ACCESS_KEY_ID\"").start();
                        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                        p.waitFor();
                        if (out.contains("AKIAPLANTED") && EnvironmentOverlay.isInstalled()) {
                            problems.add("saw the host key while a function was open: " + out.trim());
                        }
                    } catch (Exception e) {
                        problems.add(e.toString());
                    }
                }
            });
            t.start();
            spawners.add(t);
        }
        for (Thread t : spawners) {
            t.join();
        }
        stop.set(true);
        for (Thread t : flippers) {
            t.join();
        }
        assertThat(problems).filteredOn(p -> !p.startsWith("saw")).isEmpty();
        assertThat(System.getenv("AWS_ACCESS_KEY_ID")).startsWith("AKIAPLANTED");
        assertThat(new ProcessBuilder().environment()).isEqualTo(System.getenv());
    }
}

package dev.lambdakit.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Where the JVM refuses the environment swap, the error names the exact fix. */
class RefusedUnsafeTest {

    /** A JDK new enough to have {@code --sun-misc-unsafe-memory-access} (23+): this one, or a Temurin 25 beside it. */
    static Optional<Path> jdkWithUnsafeSwitch() {
        if (Runtime.version().feature() >= 23) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        try (var dirs = Files.list(Path.of("/usr/lib/jvm"))) {
            return dirs.filter(d -> d.getFileName().toString().matches(".*-2[3-9]-.*|.*-2[3-9]"))
                    .filter(d -> Files.isExecutable(d.resolve("bin/java")))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Test
    @DisplayName("--sun-misc-unsafe-memory-access=deny gives one clear error with the fix")
    void deniedUnsafe() throws Exception {
        Optional<Path> jdk = jdkWithUnsafeSwitch();
        assumeTrue(
                jdk.isPresent(),
                "needs a JDK 23+ (this one, or one under /usr/lib/jvm) to run with "
                        + "--sun-misc-unsafe-memory-access=deny; none found");
        Process p = new ProcessBuilder(
                        jdk.get().resolve("bin/java").toString(),
                        "--sun-misc-unsafe-memory-access=deny",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SandboxProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output)
                .contains("This JVM refused to let LambdaKit give each test its own environment variables")
                .contains("--sun-misc-unsafe-memory-access=deny, change it to 'warn' or 'allow'");
        assertThat(p.exitValue()).isNotZero();
    }
}

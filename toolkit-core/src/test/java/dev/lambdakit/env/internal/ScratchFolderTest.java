package dev.lambdakit.env.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchFolderTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("a sweep removes the folders of dead processes and keeps live ones and foreign names")
    void sweepKeepsWhatMayBeInUse() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Path dead = Files.createDirectories(tmp.resolve("lambdakit-" + gone.pid() + "-123"));
        Files.writeString(dead.resolve("file"), "x");
        Path live = Files.createDirectories(
                tmp.resolve("lambdakit-" + ProcessHandle.current().pid() + "-456"));
        Path foreign = Files.createDirectories(tmp.resolve("lambdakit-forked-789"));

        assertThat(ScratchFolder.sweep(tmp)).isEqualTo(1);
        assertThat(dead).doesNotExist();
        assertThat(live).isDirectory();
        assertThat(foreign).isDirectory();
    }

    @Test
    @DisplayName("a JVM that exits removes its folder; one killed leaves it, and the next sweep reclaims it")
    void noFilesPileUp() throws Exception {
        Path exited = probeFolder(false);
        assertThat(exited).doesNotExist();

        Path killed = probeFolder(true);
        assertThat(killed).isDirectory();
        assertThat(ScratchFolder.sweep(killed.getParent())).isPositive();
        assertThat(killed).doesNotExist();
    }

    /** Runs {@link Probe} in a child JVM, ends it (normally or with SIGKILL) and returns the folder it made. */
    private static Path probeFolder(boolean kill) throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Probe.class.getName(),
                        kill ? "wait" : "exit")
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String folder = out.readLine();
            assertThat(folder).as("the folder the child printed").isNotNull();
            if (kill) {
                child.destroyForcibly();
            }
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("child ended").isTrue();
            return Path.of(folder);
        } finally {
            child.destroyForcibly();
        }
    }

    /** Creates its scratch folder with a file in it, prints the folder, then exits or waits to be killed. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            Path folder = ScratchFolder.get();
            Files.writeString(folder.resolve("some.file"), "content");
            System.out.println(folder);
            System.out.flush();
            if (args[0].equals("wait")) {
                Thread.sleep(60_000);
            }
        }
    }
}

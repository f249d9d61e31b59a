package dev.lambdakit.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The embedded DynamoDB's Node process dies with the JVM that started it, and its port is free again. */
class DynaliteOrphanTest {

    @Test
    @DisplayName("dynalite never outlives a killed test JVM, and its port is reclaimed")
    void noOrphanNode() throws Exception {
        assumeThat(Dynalite.unavailableReason()).as("dynalite can run here").isEmpty();
        Process parent = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DynaliteOrphanProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        long pid = -1;
        int port = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("NODE ")) {
                    String[] parts = line.split(" ");
                    pid = Long.parseLong(parts[1]);
                    port = Integer.parseInt(parts[2]);
                    break;
                }
            }
            assertThat(pid).as("the probe's report of its Node pid").isPositive();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

            parent.destroyForcibly().waitFor();
        } finally {
            parent.destroyForcibly();
        }
        long node = pid;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (ProcessHandle.of(node).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ProcessHandle.of(node).map(ProcessHandle::isAlive).orElse(false))
                .as("node still running")
                .isFalse();
        assertThat(accepts(port)).as("port %d still accepting", port).isFalse();
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException refused) {
            return false;
        }
    }
}

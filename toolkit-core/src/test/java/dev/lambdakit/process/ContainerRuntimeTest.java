package dev.lambdakit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lambdakit.function.Execution;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaError;
import dev.lambdakit.runtime.LambdaFunction;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Execution.CONTAINER: the official client in a container against LambdaKit's Runtime API server. Skipped only
 * where no Docker engine runs (this repository's CI starts one and checks these ran).
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the runtime interface client ships native code for Linux only")
class ContainerRuntimeTest {

    @BeforeAll
    static void docker() {
        assumeTrue(ContainerProcess.dockerAvailable(), "Execution.CONTAINER needs a Docker engine, and none answers");
    }

    static LambdaFunction contained(String handler, int memoryMb, Map<String, String> env) {
        return LambdaFunction.create(FunctionConfig.builder()
                .handler(handler)
                .memoryMb(memoryMb)
                .timeout(Duration.ofSeconds(30))
                .env(env)
                .execution(Execution.CONTAINER)
                .build());
    }

    @Test
    @DisplayName("cold, then warm in the same container; code read-only, /tmp writable, the root read-only")
    void filesystem() {
        try (LambdaFunction fn = contained(Probe.class.getName() + "::handle", 256, Map.of("GREETING", "hi"))) {
            InvocationResult<Object> first = fn.invoke("{\"op\":\"files\"}");
            InvocationResult<Object> second = fn.invoke("{\"op\":\"files\"}");

            assertThat(first.isSuccess()).as("%s", first).isTrue();
            assertThat(first.isColdStart()).isTrue();
            assertThat(second.isColdStart()).isFalse();
            Map<?, ?> out = (Map<?, ?>) second.output();
            assertThat(out.get("code")).asString().contains("Read-only file system");
            assertThat(out.get("root")).asString().contains("Read-only file system");
            assertThat(out.get("tmp")).isEqualTo("written");
            assertThat(out.get("codeLocation")).asString().startsWith("/var/task/");
            assertThat(out.get("calls")).isEqualTo(2);
            assertThat(second.report().maxMemoryUsedMb()).isBetween(1, 256);
        }
    }

    @Test
    @DisplayName("the function's environment only; no network but the Runtime API and the test's endpoints")
    void environmentAndNetwork() throws IOException {
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/", exchange -> {
            byte[] body = "from the host".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        endpoint.start();
        String url = "http://127.0.0.1:" + endpoint.getAddress().getPort();
        try (LambdaFunction fn = contained(
                Probe.class.getName() + "::handle", 256, Map.of("GREETING", "hi", "AWS_ENDPOINT_URL_S3", url))) {
            Map<?, ?> out = (Map<?, ?>) fn.invoke("{\"op\":\"world\"}").output();

            assertThat(out.get("GREETING")).isEqualTo("hi");
            assertThat(out.get("AWS_REGION")).isEqualTo("us-east-1");
            assertThat(out.get("MAVEN_CMD_LINE_ARGS")).isNull();
            assertThat(out.get("endpoint")).isEqualTo("from the host");
            assertThat(out.get("internet")).asString().containsAnyOf("unreachable", "Unreachable", "refused");
        } finally {
            endpoint.stop(0);
        }
    }

    @Test
    @DisplayName("past the memory size the kernel kills the runtime, as on Lambda, and the next call starts anew")
    void memoryLimit() {
        try (LambdaFunction fn = contained(Probe.class.getName() + "::handle", 128, Map.of())) {
            InvocationResult<Object> killed = fn.invoke("{\"op\":\"native\",\"mb\":400}");
            InvocationResult<Object> after = fn.invoke("{\"op\":\"files\"}");

            LambdaError error = killed.error().orElseThrow(() -> new AssertionError("not killed: " + killed));
            assertThat(error.errorType()).isEqualTo("Runtime.ExitError");
            assertThat(error.errorMessage()).endsWith("Error: Runtime exited with error: signal: killed");
            assertThat(killed.report().maxMemoryUsedMb()).isLessThanOrEqualTo(128);
            assertThat(after.isSuccess()).as("%s", after).isTrue();
            assertThat(after.isColdStart()).isTrue();
        }
    }

    @Test
    @DisplayName("a test JVM that exits without closing its function leaves no container behind")
    void noContainerOutlivesTheJvm() throws Exception {
        String name = "leftover-" + System.nanoTime();
        Process jvm = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Forgetful.class.getName(),
                        name)
                .redirectErrorStream(true)
                .start();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(jvm.waitFor()).as(output).isZero();
        assertThat(output).contains("invoked");
        var left = org.testcontainers.DockerClientFactory.instance()
                .client()
                .listContainersCmd()
                .withShowAll(true)
                .withNameFilter(java.util.List.of("lambdakit-" + name))
                .exec();
        assertThat(left).isEmpty();
    }

    /** Invokes a container function once and exits without closing it. */
    public static final class Forgetful {
        public static void main(String[] args) {
            LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                    .handler(Probe.class.getName() + "::handle")
                    .functionName(args[0])
                    .execution(Execution.CONTAINER)
                    .build());
            System.out.println(fn.invoke("{\"op\":\"files\"}").isSuccess() ? "invoked" : "failed");
            System.exit(0);
        }
    }

    /** Looks at the world from inside the function. */
    public static final class Probe {
        private static int calls;

        public Map<String, Object> handle(Map<String, Object> in) throws Exception {
            calls++;
            Map<String, Object> out = new LinkedHashMap<>();
            switch (String.valueOf(in.get("op"))) {
                case "files" -> {
                    Path code = Path.of(Probe.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI());
                    out.put("codeLocation", code.toString());
                    out.put("code", tryWrite(code.resolve("written-by-the-function")));
                    out.put("root", tryWrite(Path.of("/var/written-by-the-function")));
                    out.put("tmp", tryWrite(Path.of("/tmp/written-by-the-function")));
                    out.put("calls", calls);
                }
                case "world" -> {
                    for (String name : List.of("GREETING", "AWS_REGION", "MAVEN_CMD_LINE_ARGS")) {
                        out.put(name, System.getenv(name));
                    }
                    URI endpoint = URI.create(System.getenv("AWS_ENDPOINT_URL_S3"));
                    try (InputStream body = endpoint.toURL().openStream()) {
                        out.put("endpoint", new String(body.readAllBytes(), StandardCharsets.UTF_8));
                    }
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress("1.1.1.1", 443), 2000);
                        out.put("internet", "connected");
                    } catch (IOException e) {
                        out.put("internet", e.getMessage());
                    }
                }
                case "native" -> {
                    // Memory outside the heap, touched page by page: only the container's limit stops it.
                    Class<?> type = Class.forName("sun.misc.Unsafe");
                    Field f = type.getDeclaredField("theUnsafe");
                    f.setAccessible(true);
                    Object unsafe = f.get(null);
                    var allocate = type.getMethod("allocateMemory", long.class);
                    var fill = type.getMethod("setMemory", long.class, long.class, byte.class);
                    List<Long> blocks = new ArrayList<>();
                    for (int i = 0; i < ((Number) in.get("mb")).intValue(); i++) {
                        long address = (Long) allocate.invoke(unsafe, 1L << 20);
                        fill.invoke(unsafe, address, 1L << 20, (byte) 1);
                        blocks.add(address);
                    }
                    out.put("allocated", blocks.size());
                }
                default -> throw new IllegalArgumentException("unknown op " + in.get("op"));
            }
            return out;
        }

        private static String tryWrite(Path p) {
            try {
                Files.writeString(p, "x");
                return "written";
            } catch (IOException e) {
                return e.toString();
            }
        }
    }
}

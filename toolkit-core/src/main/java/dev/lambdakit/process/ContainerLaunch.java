package dev.lambdakit.process;

import dev.lambdakit.cloud.RealAwsGuard;
import dev.lambdakit.env.Settings;
import dev.lambdakit.env.internal.ScratchFolder;
import dev.lambdakit.function.FunctionConfig;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts a function's container for {@code Execution.CONTAINER}: the official runtime client from the test's class
 * path, under the image's own JVM, with the code mounted read-only in {@code /var/task}, the memory size as the
 * limit, {@code /tmp} in memory, no network, and {@link Relay}s for the Runtime API and the loopback endpoints in
 * the function's environment. The client's log frames go to the same file as in the forked runtime.
 */
final class ContainerLaunch implements AutoCloseable {

    static final String IMAGE_SETTING = "lambdakit.container.image";
    private static final long TMP_BYTES = 512L * 1024 * 1024;
    private static final Pattern LOOPBACK_PORT = Pattern.compile("^https?://(?:127\\.0\\.0\\.1|localhost):(\\d+)");
    private static final String OUT = "/var/lambdakit/out.log";

    private final FunctionConfig config;
    private AutoCloseable relays;

    ContainerLaunch(FunctionConfig config) {
        this.config = config;
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, ContainerLaunch.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("Execution.CONTAINER starts the container through Testcontainers: add "
                    + "org.testcontainers:testcontainers as a test dependency");
        }
        if (!ContainerProcess.dockerAvailable()) {
            throw new IllegalStateException("Execution.CONTAINER runs the function in a container, and no Docker "
                    + "engine answers here; start one, or choose Execution.FORKED");
        }
        if (ChildSupport.nativeLibrary() == null || !ChildSupport.clientPresent()) {
            throw new IllegalStateException("Execution.CONTAINER runs the official runtime interface client: add "
                    + "com.amazonaws:aws-lambda-java-runtime-interface-client:2.10.1 as a test dependency");
        }
    }

    /** The image: {@value #IMAGE_SETTING}, else AWS's base image for the function's Java version. */
    String image() {
        return Settings.get(IMAGE_SETTING)
                .orElseGet(() -> "public.ecr.aws/lambda/java:"
                        + config.runtime().replace("java", "").replace(".al2", ""));
    }

    ContainerProcess start(Map<String, String> variables, String apiAddress, Path output) {
        close();
        Set<Integer> ports = new LinkedHashSet<>();
        ports.add(Integer.parseInt(apiAddress.substring(apiAddress.lastIndexOf(':') + 1)));
        for (String value : variables.values()) {
            Matcher m = LOOPBACK_PORT.matcher(value);
            if (m.find()) {
                ports.add(Integer.parseInt(m.group(1)));
            }
        }
        Path sockets = ScratchFolder.get()
                .resolve("sockets-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            relays = Relay.host(sockets, ports);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the container's relays: " + e.getMessage(), e);
        }
        List<String[]> readOnly = new ArrayList<>();
        readOnly.add(new String[] {ChildSupport.agentJar().toString(), "/var/lambdakit/agent.jar"});
        readOnly.add(new String[] {ChildSupport.nativeLibrary().toString(), "/var/lambdakit/libaws-lambda-jni.so"});
        List<String> classPath = new ArrayList<>();
        int i = 0;
        for (Path entry : classPath()) {
            String target = Files.isDirectory(entry)
                    ? "/var/task/classes/" + i
                    : "/var/task/lib/" + i + "-" + entry.getFileName();
            readOnly.add(new String[] {entry.toString(), target});
            classPath.add(target);
            i++;
        }
        Map<String, String> env = new LinkedHashMap<>(variables);
        env.put("AWS_LAMBDA_RUNTIME_API", apiAddress);
        env.put("_LAMBDA_TELEMETRY_LOG_FD", "3");
        env.put(
                "LAMBDAKIT_RELAYS",
                String.join(",", ports.stream().map(String::valueOf).toList()));
        String image = image();
        List<String> java = new ArrayList<>(List.of(
                "java",
                "-XX:MaxHeapSize=" + (config.memoryMb() * 1024L * 85 / 100) + "k",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-Djava.net.preferIPv4Stack=true",
                "-javaagent:/var/lambdakit/agent.jar=container",
                "-D" + RealAwsGuard.MODE_SETTING + "=global",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "-D" + ChildSupport.JNI_PROPERTY + "=/var/lambdakit/libaws-lambda-jni.so"));
        if (imageJavaVersion(image) >= 22) {
            java.add("--enable-native-access=ALL-UNNAMED");
        }
        java.addAll(List.of(
                "-cp",
                String.join(":", classPath),
                ChildSupport.RIC_MAIN,
                config.handler().handlerString()));
        return ContainerProcess.start(new ContainerProcess.Spec(
                image,
                "lambdakit-" + config.functionName().replaceAll("[^a-zA-Z0-9_.-]", "-") + "-"
                        + UUID.randomUUID().toString().substring(0, 8),
                // Descriptor 3 and the standard streams onto the log file, as the forked runtime does.
                List.of("/bin/sh", "-c", "exec \"$@\" 3>>\"$0\" >>\"$0\" 2>&1", OUT),
                java,
                env,
                config.memoryMb() * 1024L * 1024L,
                TMP_BYTES,
                readOnly,
                List.of(
                        new String[] {output.toString(), OUT},
                        new String[] {sockets.toString(), "/var/lambdakit/sockets"})));
    }

    /** The Java version of a {@code java:<n>} or {@code jdk:<n>} tag, else this JVM's. */
    static int imageJavaVersion(String image) {
        Matcher m = Pattern.compile("(?:java|jdk)[^:]*:(\\d+)").matcher(image);
        return m.find() ? Integer.parseInt(m.group(1)) : Runtime.version().feature();
    }

    /** The test's class path with Surefire's manifest-only jar opened up, as host paths that exist. */
    static List<Path> classPath() {
        List<Path> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry).toAbsolutePath();
            List<Path> expanded = manifestClassPath(p);
            if (expanded.isEmpty()) {
                if (Files.exists(p)) {
                    out.add(p);
                }
            } else {
                out.addAll(expanded);
            }
        }
        return out;
    }

    private static List<Path> manifestClassPath(Path jar) {
        if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
            return List.of();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            String cp = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (cp == null || file.stream().anyMatch(e -> e.getName().endsWith(".class"))) {
                return List.of();
            }
            List<Path> out = new ArrayList<>();
            for (String ref : cp.trim().split("\\s+")) {
                Path p = Path.of(jar.getParent().toUri().resolve(URI.create(ref)));
                if (Files.exists(p)) {
                    out.add(p);
                }
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        if (relays != null) {
            try {
                relays.close();
            } catch (Exception ignored) {
                // closing
            }
            relays = null;
        }
    }
}

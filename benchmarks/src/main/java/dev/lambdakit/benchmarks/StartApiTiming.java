package dev.lambdakit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Java 17 function behind {@code mvn lambdakit:start-api}, as a developer runs it: the time from the command to the
 * first response (Maven's start, the compile phase, the server and the function's cold start included), then warm
 * requests' p50 and p99. Runs the plugin's fixture project (lambdakit-maven-plugin/src/it/hello-app) with the
 * installed plugin; prints {@code STARTAPI} lines for the report.
 *
 * <p>Usage: {@code StartApiTiming <runs> <repository root>}.
 */
public final class StartApiTiming {

    private static final Pattern API = Pattern.compile("\\[lambdakit\\] API on (\\S+)");
    private static final int WARM_REQUESTS = 2000;

    private StartApiTiming() {}

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        Path root = Path.of(args[1]).toAbsolutePath();
        Path app = copyFixture(root);
        HttpClient http = HttpClient.newHttpClient();
        double[] first = new double[runs];
        List<Long> warmNanos = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            Process maven = new ProcessBuilder(
                            "mvn",
                            "-B",
                            "-ntp",
                            "-q",
                            "-o",
                            "lambdakit:start-api",
                            "-Dlambdakit.apiPort=0",
                            "-Dlambdakit.execution=IN_PROCESS")
                    .directory(app.toFile())
                    .redirectErrorStream(true)
                    .start();
            try {
                URI api = awaitApi(maven);
                URI hello = api.resolve("/hello/bench");
                while (http.send(HttpRequest.newBuilder(hello).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        != 200) {
                    Thread.sleep(1);
                }
                first[run] = (System.nanoTime() - start) / 1e6;
                if (run == runs - 1) {
                    for (int i = 0; i < WARM_REQUESTS; i++) {
                        long t = System.nanoTime();
                        http.send(HttpRequest.newBuilder(hello).build(), HttpResponse.BodyHandlers.discarding());
                        warmNanos.add(System.nanoTime() - t);
                    }
                }
            } finally {
                maven.descendants().forEach(ProcessHandle::destroy);
                maven.destroy();
                maven.waitFor(30, TimeUnit.SECONDS);
            }
        }
        double[] sorted = first.clone();
        Arrays.sort(sorted);
        warmNanos.sort(Long::compare);
        System.out.printf(
                Locale.ROOT,
                "STARTAPI command to first response   median %8.1f ms  (runs: %s)%n",
                sorted[runs / 2],
                Arrays.toString(
                        Arrays.stream(first).map(v -> Math.round(v * 10) / 10.0).toArray()));
        System.out.printf(
                Locale.ROOT,
                "STARTAPI warm GET through the front   p50 %6.3f ms  p99 %6.3f ms  (%d requests, last run)%n",
                warmNanos.get(warmNanos.size() / 2) / 1e6,
                warmNanos.get((int) (warmNanos.size() * 0.99)) / 1e6,
                warmNanos.size());
    }

    /** The plugin's fixture, its plugin version set to the repository's. */
    private static Path copyFixture(Path root) throws IOException {
        Matcher version = Pattern.compile("<artifactId>lambdakit-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(root.resolve("pom.xml")));
        if (!version.find()) {
            throw new IllegalStateException("No lambdakit-parent version in " + root.resolve("pom.xml"));
        }
        Path fixture = root.resolve("lambdakit-maven-plugin/src/it/hello-app");
        Path app = root.resolve("benchmarks/target/start-api-app");
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path source : files.toList()) {
                Path target = app.resolve(fixture.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.writeString(target, Files.readString(source).replace("@project.version@", version.group(1)));
                }
            }
        }
        return app;
    }

    private static URI awaitApi(Process maven) throws Exception {
        CompletableFuture<URI> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            List<String> seen = new ArrayList<>();
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(maven.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    seen.add(line);
                    Matcher m = API.matcher(line);
                    if (m.find()) {
                        found.complete(URI.create(m.group(1)));
                    }
                }
            } catch (IOException e) {
                found.completeExceptionally(e);
            }
            found.completeExceptionally(new IllegalStateException("start-api ended:\n" + String.join("\n", seen)));
        });
        reader.setDaemon(true);
        reader.start();
        return found.get(3, TimeUnit.MINUTES);
    }
}

package dev.lambdakit.maven;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The plugin's goals in real Maven builds of a SAM project (src/it/hello-app) that uses the installed plugin as the
 * README says: output, errors, and the servers of start-api and start-lambda answering HTTP and the AWS SDK.
 */
class PluginGoalsIT {

    private static final Duration BUILD = Duration.ofMinutes(3);
    private static Path app;

    @BeforeAll
    static void copyTheProject() throws IOException {
        app = copyOfTheProject();
    }

    static Path copyOfTheProject() throws IOException {
        Path fixture = Path.of(System.getProperty("lambdakit.fixtures"), "hello-app");
        Path copy = Files.createTempDirectory(Path.of("target"), "hello-app-").toAbsolutePath();
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(fixture.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.writeString(
                            target,
                            Files.readString(source)
                                    .replace("@project.version@", System.getProperty("lambdakit.pluginVersion")));
                }
            }
        }
        return copy;
    }

    record Build(int exitCode, String output) {}

    static List<String> mvn(String... args) {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-ntp"));
        command.addAll(List.of(args));
        return command;
    }

    static Build run(String... args) throws Exception {
        return run(app, args);
    }

    static Build run(Path project, String... args) throws Exception {
        Process process = new ProcessBuilder(mvn(args))
                .directory(project.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(BUILD.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return new Build(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    @Test
    void invokePrintsTheFunctionsLogAndResponse() throws Exception {
        Build build = run("lambdakit:invoke", "-Dfunction=EchoFunction", "-Devent=events/echo.json");

        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(build.output())
                .contains("START RequestId: ")
                .containsPattern("REPORT RequestId: \\S+\tDuration: [\\d.]+ ms\tBilled Duration: \\d+ ms\t"
                        + "Memory Size: 512 MB")
                .contains("{\"ping\":\"pong\",\"function\":\"EchoFunction\",\"accessKey\":\"ASIA\"}");
    }

    @Test
    void invokeWithAGeneratedEvent() throws Exception {
        Build build = run(
                "lambdakit:invoke",
                "-Dfunction=HelloFunction",
                "-Devent.type=httpapi",
                "-Dpath=/hello/x",
                "-Dlambdakit.parameters=Greeting=Hi");

        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(build.output()).contains("greeting world").contains("\"body\":\"Hi, world\"");
    }

    @Test
    void generateEventPrintsWhatTheServiceSends() throws Exception {
        Build build = run("lambdakit:generate-event", "-Dtype=sqs", "-Dbody=hello there", "-Dqueue=orders");

        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(build.output())
                .contains("\"body\":\"hello there\"")
                .contains("\"eventSource\":\"aws:sqs\"")
                .contains("\"eventSourceARN\":\"arn:aws:sqs:us-east-1:123456789012:orders\"");
    }

    @Test
    void mistakesFailTheBuildSayingWhatWouldBeValid() throws Exception {
        Build function = run("lambdakit:invoke", "-Dfunction=Nope");
        Build event = run("lambdakit:invoke", "-Dfunction=EchoFunction", "-Devent=events/missing.json");
        Build template = run("lambdakit:invoke", "-Dlambdakit.template=nope.yaml");
        Build type = run("lambdakit:generate-event", "-Dtype=carrier-pigeon");
        Build which = run("lambdakit:invoke");

        assertThat(function.exitCode()).isNotZero();
        assertThat(function.output()).contains("has no function Nope; its functions are [HelloFunction, EchoFunction]");
        assertThat(event.output()).contains("Cannot read the event file").contains("missing.json");
        assertThat(template.output()).contains("No template at").contains("nope.yaml");
        assertThat(type.output()).contains("Event type 'carrier-pigeon' is not one LambdaKit generates; types: [sqs");
        assertThat(which.output()).contains("declares 2 functions [HelloFunction, EchoFunction]; say which one");
    }

    @Test
    void startApiServesTheTemplatesRoutesAndTheInvokeApiUntilStopped() throws Exception {
        long started = System.nanoTime();
        Server server = Server.start("lambdakit:start-api", "-Dlambdakit.apiPort=0");
        try {
            URI invokeApi = URI.create(server.awaitLine("\\[lambdakit\\] Invoke API on (\\S+)"));
            URI api = URI.create(server.awaitLine("\\[lambdakit\\] API on (\\S+)"));
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> hello = http.send(
                    HttpRequest.newBuilder(api.resolve("/hello/Ada")).build(), HttpResponse.BodyHandlers.ofString());
            long firstResponseMillis = (System.nanoTime() - started) / 1_000_000;
            HttpResponse<String> unrouted = http.send(
                    HttpRequest.newBuilder(api.resolve("/bye")).build(), HttpResponse.BodyHandlers.ofString());
            String echoed = invoke(invokeApi, "EchoFunction", "{\"via\":\"sdk\"}");

            assertThat(hello.statusCode()).isEqualTo(200);
            assertThat(hello.body()).isEqualTo("Hello, Ada");
            assertThat(unrouted.statusCode()).isEqualTo(404);
            assertThat(echoed).contains("\"via\":\"sdk\"").contains("\"function\":\"EchoFunction\"");
            System.out.println("start-api: first response " + firstResponseMillis + " ms after the command");
        } finally {
            server.stop();
        }
    }

    @Test
    void aRecompileWhileStartApiRunsIsServedFromTheNextInvocation() throws Exception {
        Path own = copyOfTheProject();
        Server server = Server.start(own, "lambdakit:start-api", "-Dlambdakit.apiPort=0");
        try {
            URI hello = URI.create(server.awaitLine("\\[lambdakit\\] API on (\\S+)"))
                    .resolve("/hello/Ada");
            HttpClient http = HttpClient.newHttpClient();
            String before = http.send(HttpRequest.newBuilder(hello).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            Path source = own.resolve("src/main/java/hello/HelloHandler.java");
            Files.writeString(
                    source, Files.readString(source).replace("System.getenv(\"GREETING\") + \", \"", "\"Howdy, \""));
            Build compile = run(own, "-q", "compile");
            server.awaitLine("\\[lambdakit\\] .*classes (changed): every function starts cold");
            String after = http.send(HttpRequest.newBuilder(hello).build(), HttpResponse.BodyHandlers.ofString())
                    .body();

            assertThat(compile.exitCode()).as(compile.output()).isZero();
            assertThat(before).isEqualTo("Hello, Ada");
            assertThat(after).isEqualTo("Howdy, Ada");
        } finally {
            server.stop();
        }
    }

    @Test
    void startLambdaServesTheInvokeApiForTheSdk() throws Exception {
        Server server = Server.start("lambdakit:start-lambda", "-Dlambdakit.lambdaPort=0");
        try {
            URI invokeApi = URI.create(server.awaitLine("\\[lambdakit\\] Invoke API on (\\S+)"));
            server.awaitLine("\\[lambdakit\\] (Ready) in");

            assertThat(invoke(invokeApi, "EchoFunction", "{\"via\":\"cli\"}"))
                    .contains("\"via\":\"cli\"")
                    .contains("\"function\":\"EchoFunction\"");
        } finally {
            server.stop();
        }
    }

    @Test
    void invokeInAForkedRuntimeByFlag() throws Exception {
        Build build = run(
                "lambdakit:invoke",
                "-Dfunction=EchoFunction",
                "-Devent=events/echo.json",
                "-Dlambdakit.execution=FORKED");

        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(build.output()).contains("{\"ping\":\"pong\",\"function\":\"EchoFunction\",\"accessKey\":\"ASIA\"}");
    }

    private static String invoke(URI invokeApi, String function, String payload) {
        try (LambdaClient lambda = LambdaClient.builder()
                .endpointOverride(invokeApi)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .build()) {
            return lambda.invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String(payload)))
                    .payload()
                    .asUtf8String();
        }
    }

    /** A goal that serves until stopped, its output read line by line. */
    record Server(Process process, BlockingQueue<String> lines) {

        static Server start(String... args) throws IOException {
            return start(app, args);
        }

        static Server start(Path project, String... args) throws IOException {
            Process process = new ProcessBuilder(mvn(args))
                    .directory(project.toFile())
                    .redirectErrorStream(true)
                    .start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("read failed: " + e);
                }
            });
            reader.setDaemon(true);
            reader.start();
            return new Server(process, lines);
        }

        String awaitLine(String regex) throws InterruptedException {
            return PluginGoalsIT.awaitLine(lines, regex);
        }

        /** Stops Maven as Ctrl-C would (its shutdown hook closes the servers); fails if it does not end. */
        void stop() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS))
                    .as("Maven stops on SIGTERM")
                    .isTrue();
        }
    }

    private static String awaitLine(BlockingQueue<String> lines, String regex) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + BUILD.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            seen.add(line);
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
            if (line.contains("BUILD FAILURE")) {
                break;
            }
        }
        throw new AssertionError("No line matching " + regex + " in:\n" + String.join("\n", seen));
    }
}

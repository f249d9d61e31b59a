package dev.lambdakit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import dev.lambdakit.function.Execution;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.Invocation;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import dev.lambdakit.server.FunctionPool;
import dev.lambdakit.server.LambdaService;
import dev.lambdakit.testhandlers.Fidelity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The same cases through every execution (in process, forked under the official runtime interface client, forked
 * under LambdaKit's bootstrap): payloads, function-error types and log lines must be identical once ids, times and
 * measured figures are masked. The official client is the reference, so each case also checks what it shows.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the official runtime interface client runs on Linux only")
@DisplayName("The runtimes agree with each other and with the official runtime client")
class RuntimeFidelityTest {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    private static final Pattern FIGURES =
            Pattern.compile("(Duration|Billed Duration|Init Duration|Max Memory Used): [0-9.]+ (ms|MB)");

    /** What a caller can see of one invocation, with ids, times and measured figures masked. */
    record Seen(String payload, String functionError, List<String> log) {}

    private static FunctionConfig config(Execution execution, String handler, int timeoutSeconds) {
        return FunctionConfig.builder()
                .handler(handler)
                .functionName("fidelity")
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .memoryMb(256)
                .execution(execution)
                .build();
    }

    /** Every execution; the container only where a Docker engine runs (ContainerRuntimeTest says when not). */
    private static List<Execution> executions() {
        return java.util.Arrays.stream(Execution.values())
                .filter(e -> e != Execution.CONTAINER || ContainerProcess.dockerAvailable())
                .toList();
    }

    /** Runs {@code scenario} against a fresh function per execution. */
    private static Map<Execution, List<Seen>> everywhere(
            String handler, int timeoutSeconds, Function<LambdaFunction, List<InvocationResult<Object>>> scenario) {
        Map<Execution, List<Seen>> seen = new EnumMap<>(Execution.class);
        for (Execution execution : executions()) {
            try (LambdaFunction fn = LambdaFunction.create(config(execution, handler, timeoutSeconds))) {
                seen.put(
                        execution,
                        scenario.apply(fn).stream()
                                .map(RuntimeFidelityTest::seen)
                                .toList());
            }
        }
        return seen;
    }

    private static Seen seen(InvocationResult<Object> result) {
        List<String> log = new ArrayList<>();
        for (String line : result.logLines()) {
            log.add(mask(line));
        }
        return new Seen(
                mask(result.payloadAsString()),
                result.error().map(e -> e.functionErrorType()).orElse(null),
                log);
    }

    private static String mask(String text) {
        String masked = UUID.matcher(text).replaceAll("<id>");
        masked = TIME.matcher(masked).replaceAll("<time>");
        return FIGURES.matcher(masked).replaceAll("$1: <n> $2");
    }

    /** Every execution saw what the official client saw; returns that. */
    private static List<Seen> agreed(Map<Execution, List<Seen>> seen) {
        List<Seen> reference = seen.get(Execution.FORKED);
        assertThat(seen.get(Execution.IN_PROCESS))
                .as("in process vs the official client")
                .isEqualTo(reference);
        assertThat(seen.get(Execution.FORKED_BOOTSTRAP))
                .as("LambdaKit's bootstrap vs the official client")
                .isEqualTo(reference);
        if (seen.containsKey(Execution.CONTAINER)) {
            assertThat(seen.get(Execution.CONTAINER))
                    .as("the official client in a container vs in a child JVM")
                    .isEqualTo(reference);
        }
        return reference;
    }

    private static String lines(Seen seen) {
        return String.join("\n", seen.log());
    }

    @Test
    @DisplayName("a POJO handler: cold then warm, logger lines each on a line of their own")
    void pojoHandler() {
        List<Seen> seen = agreed(everywhere(
                Fidelity.Orders.class.getName(),
                10,
                fn -> List.of(
                        fn.invoke("{\"sku\":\"A-1\",\"quantity\":3}"), fn.invoke("{\"sku\":\"B-2\",\"quantity\":1}"))));
        assertThat(seen.get(0).payload()).isEqualTo("{\"orderSku\":\"A-1\",\"total\":15}");
        assertThat(seen.get(0).log().get(0))
                .matches("INIT_START Runtime Version: java:\\d+\\.v\\d+\tRuntime Version ARN: "
                        + "arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}");
        assertThat(seen.get(0).log())
                .contains("received A-1", "pricing", "open line")
                .last()
                .asString()
                .startsWith("REPORT RequestId: <id>\tDuration: <n> ms");
        assertThat(lines(seen.get(1))).doesNotContain("INIT_START").contains("received B-2");
    }

    @Test
    @DisplayName("a stream handler gets the raw bytes")
    void streamHandler() {
        List<Seen> seen =
                agreed(everywhere(Fidelity.Upper.class.getName(), 10, fn -> List.of(fn.invoke("\"quiet please\""))));
        assertThat(seen.get(0).payload()).isEqualTo("\"QUIET PLEASE\"");
    }

    @Test
    @DisplayName("a handler exception with a cause: error document, error type and the client's log lines")
    void handlerException() {
        List<Seen> seen = agreed(
                everywhere(Fidelity.Rejecting.class.getName() + "::reject", 10, fn -> List.of(fn.invoke("\"A-1\""))));
        assertThat(seen.get(0).functionError()).isEqualTo("Runtime.UserException");
        assertThat(seen.get(0).payload())
                .contains("\"errorMessage\":\"order rejected\"", "\"errorType\":\"java.lang.IllegalStateException\"");
        assertThat(lines(seen.get(0))).contains("order rejected");
    }

    @Test
    @DisplayName("a RequestHandler's exception: the frames the client reports, bridge method included")
    void requestHandlerException() {
        List<Seen> seen = agreed(
                everywhere(Fidelity.Refusing.class.getName(), 10, fn -> List.of(fn.invoke("{\"sku\":\"A-1\"}"))));
        assertThat(seen.get(0).payload()).contains("\"errorType\":\"java.lang.UnsupportedOperationException\"");
    }

    @Test
    @DisplayName("an init failure, and the same failure when the next invocation retries the init")
    void initFailureAndRetry() {
        List<Seen> seen = agreed(
                everywhere(Fidelity.Unconfigured.class.getName(), 10, fn -> List.of(fn.invoke("{}"), fn.invoke("{}"))));
        assertThat(seen.get(0).functionError()).isEqualTo("Runtime.BadFunctionCode");
        assertThat(seen.get(1)).isEqualTo(seen.get(0));
        assertThat(seen.get(0).log())
                .anyMatch(l -> l.startsWith("INIT_REPORT Init Duration: <n> ms\tPhase: init\t"
                        + "Status: error\tError Type: Runtime.BadFunctionCode"));
    }

    @Test
    @DisplayName("a failing static initialiser, and the same failure again on the retry: never 'Could not initialize'")
    void staticInitFailureAndRetry() {
        List<Seen> seen = agreed(
                everywhere(Fidelity.BrokenStatic.class.getName(), 10, fn -> List.of(fn.invoke("{}"), fn.invoke("{}"))));
        assertThat(seen.get(0).payload())
                .contains("\"errorType\":\"java.lang.ExceptionInInitializerError\"")
                .doesNotContain("Could not initialize");
        assertThat(seen.get(1)).isEqualTo(seen.get(0));
    }

    @Test
    @DisplayName("a timeout: Lambda's message, the killed runtime, a cold start after")
    void timeout() {
        List<Seen> seen = agreed(everywhere(
                Fidelity.Sleeper.class.getName() + "::sleep", 1, fn -> List.of(fn.invoke("5000"), fn.invoke("1"))));
        assertThat(seen.get(0).functionError()).isEqualTo("Sandbox.Timedout");
        assertThat(seen.get(0).payload()).contains("<time> <id> Task timed out after 1.00 seconds");
        assertThat(seen.get(0).log()).contains("sleeping 5000", "<time> <id> Task timed out after 1.00 seconds");
        assertThat(seen.get(1).payload()).isEqualTo("\"woke\"");
        assertThat(seen.get(1).log().get(0)).startsWith("INIT_START");
    }

    @Test
    @DisplayName("a client context with every section, a Cognito identity and a qualifier reach the handler")
    void clientContext() {
        List<Seen> seen = agreed(everywhere(
                Fidelity.Caller.class.getName() + "::describe",
                10,
                fn -> List.of(fn.invoke(Invocation.of("{}")
                        .qualifier("live")
                        .clientContext(mobileClient())
                        .identity(identity())))));
        assertThat(seen.get(0).payload())
                .isEqualTo("{\"installationId\":\"inst-1\",\"appTitle\":\"Shop\",\"appVersionName\":\"2.1\","
                        + "\"appVersionCode\":\"21\",\"appPackageName\":\"com.acme.shop\",\"custom\":{\"cart\":\"7\"},"
                        + "\"env\":{\"platform\":\"Android\"},\"identityId\":\"us-east-1:abc\","
                        + "\"identityPoolId\":\"us-east-1:pool\","
                        + "\"arn\":\"arn:aws:lambda:us-east-1:123456789012:function:fidelity:live\"}");
    }

    @Test
    @DisplayName("the 6 MB limits: a request over it is refused before any runtime sees it, a response over it fails")
    void payloadLimits() {
        for (Execution execution : executions()) {
            try (LambdaFunction fn =
                    LambdaFunction.create(config(execution, Fidelity.Big.class.getName() + "::answer", 10))) {
                assertThatThrownBy(() -> fn.invoke("\"" + "x".repeat(6 * 1024 * 1024) + "\""))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("Request must be smaller than 6291456 bytes");
            }
        }
        Map<Execution, List<Seen>> seen = everywhere(
                Fidelity.Big.class.getName() + "::answer", 10, fn -> List.of(fn.invoke("6291600"), fn.invoke("10")));
        for (Execution execution : executions()) {
            Seen tooLarge = seen.get(execution).get(0);
            assertThat(tooLarge.functionError()).as("%s", execution).isEqualTo("Function.ResponseSizeTooLarge");
            assertThat(tooLarge.payload())
                    .as("%s", execution)
                    .isEqualTo("{\"errorMessage\":\"Response payload size exceeded maximum allowed payload size "
                            + "(6291556 bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}");
            assertThat(seen.get(execution).get(1).payload()).isEqualTo("\"xxxxxxxxxx\"");
            assertThat(seen.get(execution).get(1).log().get(0))
                    .as("the runtime survives a refused response")
                    .startsWith("START");
        }
        // The official client logs its own failure to post the response; LambdaKit's runtimes have no such step.
        assertThat(seen.get(Execution.FORKED).get(0).log())
                .anyMatch(l -> l.contains(
                        "LAMBDA_RUNTIME Failed to post handler success response. Http response " + "code: 413."));
        assertThat(seen.get(Execution.FORKED_BOOTSTRAP)).isEqualTo(seen.get(Execution.IN_PROCESS));
    }

    @Test
    @DisplayName("through the Invoke API: Tail logs, the function-error header, the client context, throttling")
    void throughTheInvokeApi() throws Exception {
        Map<Execution, List<String>> seen = new EnumMap<>(Execution.class);
        HttpClient http = HttpClient.newHttpClient();
        // Not the container: its gate handler waits for a file on the host, which a container cannot see.
        for (Execution execution : List.of(Execution.IN_PROCESS, Execution.FORKED, Execution.FORKED_BOOTSTRAP)) {
            List<String> observed = new ArrayList<>();
            try (LambdaService service = LambdaService.builder()
                    .function(config(execution, Fidelity.Rejecting.class.getName() + "::reject", 10), 1)
                    .function(
                            config(execution, Fidelity.Gate.class.getName() + "::await", 60).toBuilder()
                                    .functionName("gate")
                                    .build(),
                            1)
                    .start()) {
                HttpResponse<String> failed = http.send(
                        HttpRequest.newBuilder(service.endpoint().resolve("/2015-03-31/functions/fidelity/invocations"))
                                .header("X-Amz-Log-Type", "Tail")
                                .header(
                                        "X-Amz-Client-Context",
                                        Base64.getEncoder()
                                                .encodeToString(
                                                        "{\"client\":{\"app_title\":\"Shop\"},\"custom\":{},\"env\":{}}"
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .POST(HttpRequest.BodyPublishers.ofString("\"A-1\""))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                observed.add(failed.statusCode() + " " + failed.headers().firstValue("X-Amz-Function-Error"));
                observed.add(mask(failed.body()));
                String tail = new String(
                        Base64.getDecoder()
                                .decode(failed.headers()
                                        .firstValue("X-Amz-Log-Result")
                                        .orElseThrow()),
                        StandardCharsets.UTF_8);
                observed.add(mask(tail));
                URI gate = service.endpoint().resolve("/2015-03-31/functions/gate/invocations");
                Path open = Files.createTempFile("fidelity-gate", ".open");
                Path closed = open.resolveSibling(open.getFileName() + ".closed");
                HttpResponse<String> warm = http.send(
                        HttpRequest.newBuilder(gate).POST(jsonString(open)).build(),
                        HttpResponse.BodyHandlers.ofString());
                CompletableFuture<HttpResponse<String>> holding = http.sendAsync(
                        HttpRequest.newBuilder(gate).POST(jsonString(closed)).build(),
                        HttpResponse.BodyHandlers.ofString());
                FunctionPool pool = service.function("gate");
                while (pool.invocations() < 2 && !holding.isDone()) {
                    Thread.sleep(1); // until the second call holds the only environment
                }
                HttpResponse<String> throttled = http.send(
                        HttpRequest.newBuilder(gate).POST(jsonString(open)).build(),
                        HttpResponse.BodyHandlers.ofString());
                Files.createFile(closed);
                observed.add(warm.statusCode() + " " + warm.body());
                observed.add(throttled.statusCode() + " " + throttled.headers().firstValue("X-Amzn-ErrorType") + " "
                        + throttled.body());
                observed.add(holding.get().statusCode() + " " + holding.get().body());
                Files.delete(closed);
                Files.delete(open);
            }
            seen.put(execution, observed);
        }
        assertThat(seen.get(Execution.IN_PROCESS)).isEqualTo(seen.get(Execution.FORKED));
        assertThat(seen.get(Execution.FORKED_BOOTSTRAP)).isEqualTo(seen.get(Execution.FORKED));
        List<String> reference = seen.get(Execution.FORKED);
        assertThat(reference.get(0)).isEqualTo("200 Optional[Unhandled]");
        assertThat(reference.get(2)).contains("START RequestId: <id>", "order rejected", "END RequestId: <id>");
        assertThat(reference.get(3)).isEqualTo("200 \"opened\"");
        assertThat(reference.get(4)).startsWith("429 Optional[TooManyRequestsException");
        assertThat(reference.get(5)).isEqualTo("200 \"opened\"");
    }

    private static HttpRequest.BodyPublisher jsonString(Path path) {
        return HttpRequest.BodyPublishers.ofString("\"" + path.toString().replace("\\", "\\\\") + "\"");
    }

    private static ClientContext mobileClient() {
        Client client = new Client() {
            @Override
            public String getInstallationId() {
                return "inst-1";
            }

            @Override
            public String getAppTitle() {
                return "Shop";
            }

            @Override
            public String getAppVersionName() {
                return "2.1";
            }

            @Override
            public String getAppVersionCode() {
                return "21";
            }

            @Override
            public String getAppPackageName() {
                return "com.acme.shop";
            }
        };
        return new ClientContext() {
            @Override
            public Client getClient() {
                return client;
            }

            @Override
            public Map<String, String> getCustom() {
                return Map.of("cart", "7");
            }

            @Override
            public Map<String, String> getEnvironment() {
                return Map.of("platform", "Android");
            }
        };
    }

    private static CognitoIdentity identity() {
        return new CognitoIdentity() {
            @Override
            public String getIdentityId() {
                return "us-east-1:abc";
            }

            @Override
            public String getIdentityPoolId() {
                return "us-east-1:pool";
            }
        };
    }
}

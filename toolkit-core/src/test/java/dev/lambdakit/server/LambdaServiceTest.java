package dev.lambdakit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.testhandlers.Handlers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** The AWS SDK's LambdaClient, unchanged, against the local Invoke API. */
class LambdaServiceTest {

    static LambdaService service;
    static LambdaClient client;

    @BeforeAll
    static void start() {
        service = LambdaService.builder()
                .function(
                        FunctionConfig.builder()
                                .functionName("echo")
                                .handler(Handlers.Echo.class)
                                .build(),
                        3)
                .function(
                        FunctionConfig.builder()
                                .functionName("fails")
                                .handler(Handlers.Throwing.class.getName() + "::fail")
                                .build(),
                        2)
                .function(
                        FunctionConfig.builder()
                                .functionName("slow")
                                .handler(Handlers.Sleepy.class.getName() + "::sleep")
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        1)
                .function(
                        FunctionConfig.builder()
                                .functionName("bad-init")
                                .handler(Handlers.BadInit.class.getName())
                                .build(),
                        1)
                .function(
                        FunctionConfig.builder()
                                .functionName("context")
                                .handler(Handlers.ContextInfo.class.getName() + "::info")
                                .build(),
                        1)
                .asyncRetryDelay(Duration.ofMillis(50))
                .start();
        client = LambdaClient.builder()
                .endpointOverride(service.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        "ASIALAMBDAKITTEST000", "not-a-real-secret-00000000000000000000000")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        service.close();
    }

    static InvokeResponse invoke(String function, String payload) {
        return client.invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String(payload)));
    }

    @Test
    @DisplayName("a retried init failure fails as in a fresh JVM: the same error each time")
    void initFailureRetried() {
        InvokeResponse first = invoke("bad-init", "{}");
        InvokeResponse second = invoke("bad-init", "{}");

        assertThat(first.functionError()).isEqualTo("Unhandled");
        assertThat(second.payload().asUtf8String())
                .isEqualTo(first.payload().asUtf8String())
                .contains("Error loading class " + Handlers.BadInit.class.getName())
                .doesNotContain("NoClassDefFound");
    }

    @Test
    void synchronousInvoke() {
        InvokeResponse response = invoke("echo", "{\"a\":1}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.payload().asUtf8String()).isEqualTo("{\"a\":1}");
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        assertThat(response.functionError()).isNull();
        assertThat(response.responseMetadata().requestId()).matches("[0-9a-f-]{36}");
    }

    @Test
    @DisplayName("a function error is a 200 with X-Amz-Function-Error: Unhandled and the error JSON")
    void functionError() {
        InvokeResponse response = invoke("fails", "\"x\"");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String())
                .startsWith(
                        "{\"errorMessage\":\"bad input: x\"," + "\"errorType\":\"java.lang.IllegalArgumentException\"");
    }

    @Test
    @DisplayName("Tail returns the end of the log, Base64-encoded")
    void tailLogs() {
        InvokeResponse response = client.invoke(
                r -> r.functionName("context").logType(LogType.TAIL).payload(SdkBytes.fromUtf8String("{}")));

        String log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        assertThat(log)
                .contains("START RequestId: " + response.responseMetadata().requestId())
                .contains("logged via context")
                .contains("REPORT RequestId: ");
    }

    @Test
    void clientContextReachesTheHandler() {
        String context = Base64.getEncoder()
                .encodeToString(
                        "{\"custom\":{\"tenant\":\"acme\"},\"env\":{},\"client\":{}}".getBytes(StandardCharsets.UTF_8));
        InvokeResponse response = client.invoke(
                r -> r.functionName("context").clientContext(context).payload(SdkBytes.fromUtf8String("{}")));

        assertThat(response.payload().asUtf8String()).contains("\"client\":{\"tenant\":\"acme\"}");
    }

    @Test
    @DisplayName("Event: 202 at once, then up to three attempts on error; DryRun: 204")
    void asynchronousAndDryRun() throws Exception {
        InvokeResponse event = client.invoke(r -> r.functionName("fails")
                .invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("\"async\"")));
        InvokeResponse dryRun = client.invoke(r -> r.functionName("echo").invocationType(InvocationType.DRY_RUN));

        assertThat(event.statusCode()).isEqualTo(202);
        assertThat(event.payload().asByteArray()).isEmpty();
        assertThat(dryRun.statusCode()).isEqualTo(204);
        String requestId = event.responseMetadata().requestId();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (service.function("fails")
                                .asyncAttempts()
                                .getOrDefault(requestId, List.of())
                                .size()
                        < 3
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(service.function("fails").asyncAttempts().get(requestId))
                .hasSize(3)
                .allMatch(r -> !r.isSuccess());
    }

    @Test
    @DisplayName("names: plain, with a qualifier, partial and full ARNs; unknown ones are 404s")
    void functionNames() {
        assertThat(invoke("echo:$LATEST", "{\"n\":1}").payload().asUtf8String()).isEqualTo("{\"n\":1}");
        assertThat(invoke("123456789012:function:echo", "{\"n\":2}").payload().asUtf8String())
                .isEqualTo("{\"n\":2}");
        assertThat(invoke("arn:aws:lambda:us-east-1:123456789012:function:echo", "{\"n\":3}")
                        .payload()
                        .asUtf8String())
                .isEqualTo("{\"n\":3}");
        assertThat(client.invoke(r -> r.functionName("echo")
                                .qualifier("$LATEST")
                                .payload(SdkBytes.fromUtf8String("{\"n\":4}")))
                        .payload()
                        .asUtf8String())
                .isEqualTo("{\"n\":4}");

        assertThatThrownBy(() -> invoke("nope", "{}"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope");
        assertThatThrownBy(() -> invoke("echo:live", "{}"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Function not found: arn:aws:lambda:us-east-1:123456789012:function:echo:live");
        assertThatThrownBy(() -> invoke("arn:aws:lambda:eu-west-1:123456789012:function:echo", "{}"))
                .as("the same name in another region")
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Function not found: arn:aws:lambda:eu-west-1:123456789012:function:echo");
        assertThatThrownBy(() -> invoke("210987654321:function:echo", "{}"))
                .as("the same name in another account")
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Function not found: 210987654321:function:echo");
        assertThatThrownBy(() -> invoke("bad name!", "{}"))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                })
                .hasMessageStartingWith("1 validation error detected: Value 'bad name!' at 'functionName' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?");
    }

    @Test
    void badRequests() {
        assertThatThrownBy(() -> invoke("echo", "{not json"))
                .isInstanceOf(InvalidRequestContentException.class)
                .hasMessageStartingWith("Could not parse request body into json");
        byte[] big = new byte[6 * 1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '1';
        assertThatThrownBy(() -> client.invoke(r -> r.functionName("echo").payload(SdkBytes.fromByteArray(big))))
                .isInstanceOf(RequestTooLargeException.class)
                .hasMessageStartingWith("Request must be smaller than 6291456 bytes for the InvokeFunction operation");
        byte[] asyncBig = java.util.Arrays.copyOf(big, 1024 * 1024 + 1);
        assertThatThrownBy(() -> client.invoke(r -> r.functionName("echo")
                        .invocationType(InvocationType.EVENT)
                        .payload(SdkBytes.fromByteArray(asyncBig))))
                .isInstanceOf(RequestTooLargeException.class)
                .hasMessageStartingWith("Request must be smaller than 1048576 bytes for the InvokeFunction operation");
    }

    @Test
    @DisplayName("past its concurrency a function throttles with TooManyRequestsException")
    void throttling() {
        CompletableFuture<InvokeResponse> first = CompletableFuture.supplyAsync(() -> invoke("slow", "700"));
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (service.function("slow").invocations() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThatThrownBy(() -> invoke("slow", "1"))
                .isInstanceOf(TooManyRequestsException.class)
                .satisfies(
                        e -> assertThat(((TooManyRequestsException) e).reason().toString())
                                .isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded"));
        assertThat(first.join().payload().asUtf8String()).isEqualTo("\"slept 700\"");
        assertThat(service.function("slow").environments()).isEqualTo(1);
    }

    @Test
    @DisplayName("warm environments are reused; load starts new ones up to the concurrency")
    void pooling() {
        List<CompletableFuture<InvokeResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> invoke("echo", "{}")));
        }
        long throttled = calls.stream()
                .filter(c -> {
                    try {
                        c.join();
                        return false;
                    } catch (RuntimeException e) {
                        return e.getCause() instanceof TooManyRequestsException;
                    }
                })
                .count();

        assertThat(service.function("echo").environments()).isBetween(1, 3);
        assertThat(service.function("echo").throttles()).isEqualTo(throttled);
    }

    @Test
    @DisplayName("a repeated SDK invocation id is reported as a duplicate delivery; unknown paths are 404s")
    void rawHttp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest repeat = HttpRequest.newBuilder(
                        URI.create(service.endpoint() + "/2015-03-31/functions/echo/invocations"))
                .header("amz-sdk-invocation-id", "dup-1")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        http.send(repeat, HttpResponse.BodyHandlers.ofString());
        http.send(repeat, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = http.send(
                HttpRequest.newBuilder(URI.create(service.endpoint() + "/nope"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(service.duplicateDeliveries()).containsExactly("dup-1");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("X-Amzn-ErrorType")).contains("UnknownOperationException");
    }
}

package dev.lambdakit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Runtime API's protocol, driven by hand as a custom runtime would. */
class RuntimeApiServerTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> call(RuntimeApiServer api, String method, String path, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://" + api.address() + path))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("next, response and error, with the real headers and status codes")
    void protocol() throws Exception {
        try (RuntimeApiServer api = RuntimeApiServer.start()) {
            CompletableFuture<RuntimeApiServer.Outcome> outcome = api.submit(new RuntimeApiServer.Event(
                    "req-1",
                    "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                    1_900_000_000_000L,
                    "arn:aws:lambda:us-east-1:123456789012:function:f",
                    "Root=1-abc",
                    "{\"custom\":{}}",
                    null));

            HttpResponse<String> next = call(api, "GET", "/2018-06-01/runtime/invocation/next", null);
            assertThat(next.statusCode()).isEqualTo(200);
            assertThat(next.body()).isEqualTo("{\"a\":1}");
            assertThat(next.headers().firstValue("Lambda-Runtime-Aws-Request-Id"))
                    .contains("req-1");
            assertThat(next.headers().firstValue("Lambda-Runtime-Deadline-Ms")).contains("1900000000000");
            assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
                    .contains("arn:aws:lambda:us-east-1:123456789012:function:f");
            assertThat(next.headers().firstValue("Lambda-Runtime-Trace-Id")).contains("Root=1-abc");
            assertThat(next.headers().firstValue("Lambda-Runtime-Client-Context"))
                    .contains("{\"custom\":{}}");
            assertThat(next.headers().firstValue("Lambda-Runtime-Cognito-Identity"))
                    .isEmpty();
            assertThat(next.headers().firstValue("Content-Type")).contains("application/json");

            HttpResponse<String> early = call(api, "GET", "/2018-06-01/runtime/invocation/next", null);
            assertThat(early.statusCode()).isEqualTo(403);
            assertThat(early.body()).contains("\"errorType\":\"InvalidStateTransition\"");

            HttpResponse<String> response = call(api, "POST", "/2018-06-01/runtime/invocation/req-1/response", "42");
            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.body()).isEqualTo("{\"status\":\"OK\"}");
            assertThat(new String(outcome.get(5, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8))
                    .isEqualTo("42");

            HttpResponse<String> again = call(api, "POST", "/2018-06-01/runtime/invocation/req-1/response", "43");
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(again.body())
                    .isEqualTo("{\"errorMessage\":\"Invalid request ID\",\"errorType\":" + "\"InvalidRequestID\"}");
        }
    }

    @Test
    @DisplayName("errors, init errors, oversized responses, unknown paths and methods")
    void errors() throws Exception {
        try (RuntimeApiServer api = RuntimeApiServer.start()) {
            CompletableFuture<RuntimeApiServer.Outcome> failing =
                    api.submit(new RuntimeApiServer.Event("e-1", new byte[0], 1L, "arn", "t", null, null));
            call(api, "GET", "/2018-06-01/runtime/invocation/next", null);
            HttpResponse<String> error = HTTP.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://" + api.address() + "/2018-06-01/runtime/invocation/e-1/error"))
                            .header("Lambda-Runtime-Function-Error-Type", "Runtime.UserException")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"errorMessage\":\"x\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(error.statusCode()).isEqualTo(202);
            assertThat(failing.get(5, TimeUnit.SECONDS).errorTypeHeader()).isEqualTo("Runtime.UserException");

            CompletableFuture<RuntimeApiServer.Outcome> big =
                    api.submit(new RuntimeApiServer.Event("b-1", new byte[0], 1L, "arn", "t", null, null));
            call(api, "GET", "/2018-06-01/runtime/invocation/next", null);
            HttpResponse<String> tooLarge = call(
                    api,
                    "POST",
                    "/2018-06-01/runtime/invocation/b-1/response",
                    "x".repeat(RuntimeApiServer.MAX_PAYLOAD + 1));
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.body()).contains("RequestEntityTooLarge");
            assertThat(big.get(5, TimeUnit.SECONDS).errorTypeHeader()).isEqualTo("Function.ResponseSizeTooLarge");

            HttpResponse<String> init = call(api, "POST", "/2018-06-01/runtime/init/error", "{\"errorMessage\":\"i\"}");
            assertThat(init.statusCode()).isEqualTo(202);
            assertThat(api.initError()).isDone();

            assertThat(call(api, "GET", "/2018-06-01/runtime/nope", null).statusCode())
                    .isEqualTo(404);
            assertThat(call(api, "POST", "/2018-06-01/runtime/invocation/next", "")
                            .statusCode())
                    .isEqualTo(405);
            assertThat(call(api, "POST", "/2018-06-01/runtime/invocation/unknown/response", "1")
                            .statusCode())
                    .isEqualTo(400);
        }
    }
}

package dev.lambdakit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.testhandlers.HttpHandlers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Plain HTTP through the local front, as API Gateway would turn it into proxy events. */
class HttpFrontTest {

    static LambdaService service;
    static HttpFront v2;
    static HttpFront plain;
    static HttpFront v1;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        service = LambdaService.builder()
                .function(FunctionConfig.builder()
                        .functionName("v2")
                        .handler(HttpHandlers.V2Echo.class)
                        .build())
                .function(FunctionConfig.builder()
                        .functionName("plain")
                        .handler(HttpHandlers.V2Plain.class.getName() + "::handle")
                        .build())
                .function(FunctionConfig.builder()
                        .functionName("v1")
                        .handler(HttpHandlers.V1.class.getName() + "::handle")
                        .build())
                .start();
        v2 = HttpFront.start(service.function("v2"), HttpFront.PayloadFormat.V2);
        plain = HttpFront.start(service.function("plain"), HttpFront.PayloadFormat.V2);
        v1 = HttpFront.start(service.function("v1"), HttpFront.PayloadFormat.V1);
    }

    @AfterAll
    static void stop() {
        v2.close();
        plain.close();
        v1.close();
        service.close();
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static URI at(HttpFront front, String path) {
        return front.uri().resolve(path);
    }

    @Test
    @DisplayName("an HTTP request becomes a 2.0 event; status, headers and cookies come back")
    void payloadV2() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(at(v2, "/orders/7?q=a%20b"))
                .header("Cookie", "theme=dark")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"x\":1}"))
                .build());

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).isEqualTo("POST /orders/7 q=a b cookie=theme=dark body={\"x\":1} b64=false");
        assertThat(r.headers().firstValue("X-Route")).contains("$default");
        assertThat(r.headers().allValues("Set-Cookie")).containsExactly("session=s1; HttpOnly");
    }

    @Test
    @DisplayName("binary request bodies arrive Base64-encoded; Base64 responses are decoded")
    void binaryBodies() throws Exception {
        HttpResponse<String> in = send(HttpRequest.newBuilder(at(v2, "/upload"))
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
                .build());
        HttpResponse<byte[]> out = HTTP.send(
                HttpRequest.newBuilder(at(v2, "/binary")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(in.body()).endsWith("body=AQID b64=true");
        assertThat(out.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(out.headers().firstValue("Content-Type")).contains("image/png");
    }

    @Test
    @DisplayName("a function error is a 502 with API Gateway's body; payload 2.0 takes any JSON as a 200 body")
    void errorsAndPlainJson() throws Exception {
        HttpResponse<String> failed =
                send(HttpRequest.newBuilder(at(v2, "/plain")).GET().build());
        HttpResponse<String> json =
                send(HttpRequest.newBuilder(at(plain, "/p")).GET().build());

        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.body()).isEqualTo("{\"message\":\"Internal server error\"}");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).isEqualTo("{\"path\":\"/p\"}");
    }

    @Test
    @DisplayName("payload 1.0: multi-value query and headers; a response without statusCode is a 502")
    void payloadV1() throws Exception {
        HttpResponse<String> ok =
                send(HttpRequest.newBuilder(at(v1, "/items?tag=a&tag=b")).GET().build());
        HttpResponse<String> bad =
                send(HttpRequest.newBuilder(at(v1, "/bad")).GET().build());

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("GET /items {tag=[a, b]}");
        assertThat(ok.headers().allValues("X-Multi")).containsExactly("a", "b");
        assertThat(bad.statusCode()).isEqualTo(502);
        assertThat(bad.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    }
}

package dev.lambdakit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.process.RuntimeApiServer;
import dev.lambdakit.server.HttpFront;
import dev.lambdakit.server.LambdaService;
import dev.lambdakit.testhandlers.Handlers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seeded, bounded fuzzing of the Invoke API, the HTTP front and the Runtime API with generated requests, malformed
 * HTTP included: every connection is answered or closed in time (no hang), and the server still serves a valid
 * request afterwards (no crash).
 */
class ServerFuzzTest {

    static final int CASES_PER_SERVER = 300;
    static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "FOO", "", "GET GET"};
    static final String[] PATHS = {
        "/2015-03-31/functions/echo/invocations",
        "/2015-03-31/functions/",
        "/2015-03-31/functions/%ZZ/invocations",
        "/2015-03-31/functions/echo/invocations?Qualifier=%00",
        "/2018-06-01/runtime/invocation/x/response",
        "/2018-06-01/runtime/invocation/x/error",
        "/2018-06-01/runtime/init/error",
        "/",
        "/orders/1?q=%E0%A4%A",
        "//..//etc/passwd",
        "*",
        "/a b"
    };

    /** Random bytes of a request: sometimes well-formed HTTP, often not. */
    static byte[] request(Random r, String host) {
        if (r.nextInt(10) == 0) {
            byte[] garbage = new byte[r.nextInt(2048)];
            r.nextBytes(garbage);
            return garbage;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(METHODS[r.nextInt(METHODS.length)]).append(' ').append(PATHS[r.nextInt(PATHS.length)]);
        sb.append(r.nextInt(8) == 0 ? " HTTP/9.9" : " HTTP/1.1")
                .append("\r\nHost: ")
                .append(host)
                .append("\r\n");
        int headers = r.nextInt(6);
        for (int i = 0; i < headers; i++) {
            String[] names = {
                "X-Amz-Invocation-Type",
                "X-Amz-Log-Type",
                "X-Amz-Client-Context",
                "Content-Type",
                "Lambda-Runtime-Function-Error-Type",
                "X-Huge",
                "Cookie",
                "Transfer-Encoding"
            };
            String name = names[r.nextInt(names.length)];
            String value = name.equals("X-Huge")
                    ? "x".repeat(r.nextInt(20_000))
                    : List.of("Event", "DryRun", "Tail", "!!", "chunked", "bad==base64", "a=b; c", "")
                            .get(r.nextInt(8));
            sb.append(name).append(": ").append(value).append("\r\n");
        }
        byte[] body = body(r);
        int declared = r.nextInt(5) == 0 ? body.length + r.nextInt(100) : body.length;
        sb.append("Content-Length: ").append(declared).append("\r\nConnection: close\r\n\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    static byte[] body(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> new byte[0];
            case 1 -> "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
            case 2 -> "{\"truncated\": [1, 2".getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '{'};
            default -> {
                byte[] b = new byte[r.nextInt(4096)];
                r.nextBytes(b);
                yield b;
            }
        };
    }

    /** Sends one case; true when the server answered or closed within the time limit. */
    static boolean answered(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException closedEarly) {
                return true;
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            try {
                in.transferTo(seen);
            } catch (SocketTimeoutException hung) {
                return false;
            } catch (IOException reset) {
                return true;
            }
            return true;
        }
    }

    static int fuzz(String name, int port, long seed, IntFunction<Boolean> healthy) throws IOException {
        Random r = new Random(seed);
        int hung = 0;
        for (int i = 0; i < CASES_PER_SERVER; i++) {
            byte[] request = request(r, "127.0.0.1:" + port);
            if (new String(request, 0, Math.min(request.length, 40), StandardCharsets.ISO_8859_1)
                    .startsWith("GET /2018-06-01/runtime/invocation/next")) {
                continue;
            }
            if (!answered(port, request)) {
                hung++;
            }
        }
        assertThat(healthy.apply(0)).as("%s still serves after fuzzing", name).isTrue();
        System.out.printf("fuzz %s: %d cases, %d hung%n", name, CASES_PER_SERVER, hung);
        return hung;
    }

    @Test
    @DisplayName("generated requests against the three servers: zero hung connections, zero crashes")
    void fuzzServers() throws Exception {
        assertThat(fuzzThree(1)).isZero();
    }

    /** Fuzzes fresh Invoke API, HTTP front and Runtime API servers; returns the hung connections. */
    static int fuzzThree(long seed) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        try (LambdaService service = LambdaService.builder()
                        .function(
                                FunctionConfig.builder()
                                        .functionName("echo")
                                        .handler(Handlers.Echo.class)
                                        .build(),
                                2)
                        .start();
                HttpFront front = HttpFront.start(service.function("echo"), HttpFront.PayloadFormat.V2);
                RuntimeApiServer api = RuntimeApiServer.start()) {
            int hung = fuzz(
                    "Invoke API",
                    service.endpoint().getPort(),
                    seed,
                    x -> status(
                                    http,
                                    URI.create(service.endpoint() + "/2015-03-31/functions/echo/invocations"),
                                    "{\"ok\":1}")
                            == 200);
            hung += fuzz(
                    "HTTP front",
                    front.uri().getPort(),
                    seed + 1,
                    x -> status(http, front.uri().resolve("/ok"), "{}") == 200);
            hung += fuzz(
                    "Runtime API",
                    Integer.parseInt(api.address().split(":")[1]),
                    seed + 2,
                    x -> status(http, URI.create("http://" + api.address() + "/2018-06-01/runtime/init/error"), "{}")
                            == 202);
            return hung;
        }
    }

    @Test
    @DisplayName("a slow client holding a connection does not stop other requests")
    void slowClient() throws Exception {
        try (LambdaService service = LambdaService.builder()
                        .function(
                                FunctionConfig.builder()
                                        .functionName("echo")
                                        .handler(Handlers.Echo.class)
                                        .build(),
                                2)
                        .start();
                Socket slow = new Socket("127.0.0.1", service.endpoint().getPort())) {
            slow.getOutputStream()
                    .write("POST /2015-03-31/functions/echo/invocations HTTP/1.1\r\nHost: x\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();

            assertThat(status(
                            HttpClient.newHttpClient(),
                            URI.create(service.endpoint() + "/2015-03-31/functions/echo/invocations"),
                            "{\"a\":1}"))
                    .isEqualTo(200);
        }
    }

    static int status(HttpClient http, URI uri, String body) {
        try {
            return http.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(java.time.Duration.ofSeconds(10))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }
}

package dev.lambdakit.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lambdakit.cloud.AwsBackend;
import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.events.internal.JsonText;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Records or replays a test's AWS traffic. Each service gets a small HTTP server on 127.0.0.1 that the function's and
 * the test's clients are pointed at (through the same endpoint variables as any backend, so clients built inside a
 * handler need no change). Recording passes every request on to the real backend and keeps request and response;
 * replaying answers from the recording with no backend at all, and a request with no recorded match gets an error
 * naming it, which {@link #mismatches()} also lists for the test to fail on.
 *
 * <pre>{@code
 * try (RecordingBackend replay = RecordingBackend.replay(Path.of("src/test/resources/recordings/t.json"))) {
 *     URI s3 = replay.endpoint(AwsService.S3);
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RecordingBackend implements AwsBackend, AutoCloseable {

    private static final Set<String> RESTRICTED =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding", "keep-alive");
    private static final Set<String> KEPT_RESPONSE_HEADERS = Set.of(
            "content-type",
            "x-amzn-errortype",
            "etag",
            "x-amz-crc32",
            "last-modified",
            "x-amz-version-id",
            "location",
            "x-amz-request-id");

    static {
        // The JDK's HttpServer leaves Nagle's algorithm on unless told otherwise, costing about 44 ms per call.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final AwsBackend delegate;
    private final Recording recording;
    private final Path file;
    private final Map<AwsService, HttpServer> servers = new EnumMap<>(AwsService.class);
    private final Map<String, Integer> replayCursor = new HashMap<>();
    private final List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RecordingBackend(AwsBackend delegate, Recording recording, Path file) {
        this.delegate = delegate;
        this.recording = recording;
        this.file = file;
    }

    /** Records traffic to {@code backend}; {@link #close()} writes it to {@code file}. */
    public static RecordingBackend record(AwsBackend backend, Path file) {
        return new RecordingBackend(backend, new Recording(), file);
    }

    /**
     * Replays {@code file}.
     *
     * @throws IllegalStateException when the file does not exist, saying how to record it
     */
    public static RecordingBackend replay(Path file) {
        return new RecordingBackend(null, Recording.load(file), file);
    }

    public boolean isRecording() {
        return delegate != null;
    }

    @Override
    public String name() {
        return (isRecording() ? "recording " + delegate.name() : "replay") + " (" + file + ")";
    }

    @Override
    public Set<AwsService> services() {
        return isRecording() ? delegate.services() : EnumSet.allOf(AwsService.class);
    }

    @Override
    public String region() {
        return isRecording() ? delegate.region() : "us-east-1";
    }

    @Override
    public synchronized URI endpoint(AwsService service) {
        HttpServer server = servers.get(service);
        if (server == null) {
            URI target = isRecording() ? delegate.endpoint(service) : null;
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException("Could not open a " + service + " proxy on 127.0.0.1", e);
            }
            server.createContext("/", exchange -> handle(service, target, exchange));
            server.start();
            servers.put(service, server);
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests that found no recorded interaction, each described; empty when recording. */
    public List<String> mismatches() {
        synchronized (mismatches) {
            return List.copyOf(mismatches);
        }
    }

    private void handle(AwsService service, URI target, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery() == null
                    ? ""
                    : exchange.getRequestURI().getRawQuery();
            String operation = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String requestText = Recording.normalize(new String(body, StandardCharsets.UTF_8));
            if (target != null) {
                forward(service, target, exchange, method, path, query, operation, body, requestText);
            } else {
                answer(service, exchange, method, path, query, operation, requestText);
            }
        }
    }

    private void forward(
            AwsService service,
            URI target,
            HttpExchange exchange,
            String method,
            String path,
            String query,
            String operation,
            byte[] body,
            String requestText)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(target + path + (query.isEmpty() ? "" : "?" + query)))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted forwarding to " + target, e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (KEPT_RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        String responseText = new String(response.body(), StandardCharsets.UTF_8);
        recording.add(new Recording.Interaction(
                service.name(),
                method,
                Recording.normalize(path),
                Recording.normalize(query),
                operation,
                requestText,
                response.statusCode(),
                headers,
                Recording.normalize(responseText)));
        send(exchange, response.statusCode(), headers, response.body());
    }

    private void answer(
            AwsService service,
            HttpExchange exchange,
            String method,
            String path,
            String query,
            String operation,
            String requestText)
            throws IOException {
        String key = new Recording.Interaction(
                        service.name(),
                        method,
                        Recording.normalize(path),
                        Recording.normalize(query),
                        operation,
                        requestText,
                        0,
                        Map.of(),
                        "")
                .key();
        Recording.Interaction match = null;
        synchronized (replayCursor) {
            int seen = replayCursor.getOrDefault(key, 0);
            int n = 0;
            for (Recording.Interaction i : recording.interactions()) {
                if (i.key().equals(key) && n++ == seen) {
                    match = i;
                    break;
                }
            }
            if (match != null) {
                replayCursor.put(key, seen + 1);
            }
        }
        if (match == null) {
            String description = service + " " + method + " " + path + (query.isEmpty() ? "" : "?" + query)
                    + (operation.equals("null") ? "" : " " + operation) + " body " + abbreviate(requestText);
            mismatches.add(description);
            String message = "LambdaKit replay: no recorded interaction in " + file + " matches " + description
                    + "; re-record with -D" + ReplayMode.PROPERTY + "=record";
            boolean xml = service == AwsService.S3;
            byte[] payload = (xml
                            ? "<Error><Code>LambdaKitReplayMismatch</Code><Message>" + escapeXml(message)
                                    + "</Message></Error>"
                            : "{\"__type\":\"LambdaKitReplayMismatch\",\"message\":" + JsonText.quote(message) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            send(
                    exchange,
                    400,
                    Map.of(
                            "Content-Type",
                            xml ? "application/xml" : "application/x-amz-json-1.0",
                            "x-amzn-ErrorType",
                            "LambdaKitReplayMismatch"),
                    payload);
            return;
        }
        String address = "127.0.0.1:" + exchange.getLocalAddress().getPort();
        byte[] payload =
                match.responseBody().replace("127.0.0.1:{port}", address).getBytes(StandardCharsets.UTF_8);
        send(exchange, match.status(), match.headers(), payload);
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    private static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Stops the proxies; when recording, writes the file. */
    @Override
    public synchronized void close() {
        servers.values().forEach(s -> s.stop(0));
        servers.clear();
        if (isRecording()) {
            recording.save(file);
        }
    }
}

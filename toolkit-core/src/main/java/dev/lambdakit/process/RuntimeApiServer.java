package dev.lambdakit.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lambdakit.events.internal.JsonText;
import dev.lambdakit.server.internal.HttpServers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The Lambda Runtime API ({@code /2018-06-01/runtime/...}) for one forked execution environment, on 127.0.0.1 and a free
 * port: what a runtime (the official runtime interface client, or any custom runtime) polls for events and posts
 * results to. Headers, status codes and error bodies are the real ones: 202 on accepted results, 400
 * {@code InvalidRequestID} for an unknown or answered request id, 403 {@code InvalidStateTransition} for a
 * {@code /next} while an event is still unanswered, 413 for responses over 6 MB, 404 and 405 for unknown paths and
 * methods.
 *
 * <pre>{@code
 * try (RuntimeApiServer api = RuntimeApiServer.start()) {
 *     // child JVM with AWS_LAMBDA_RUNTIME_API=api.address()
 *     CompletableFuture<RuntimeApiServer.Outcome> outcome = api.submit(next);
 * }
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class RuntimeApiServer implements AutoCloseable {

    /** The payload limit of the Runtime API: 6 MB and 100 bytes. */
    public static final int MAX_PAYLOAD = 6 * 1024 * 1024 + 100;

    private static final Pattern RESULT = Pattern.compile("/2018-06-01/runtime/invocation/([^/]+)/(response|error)");

    /** An event for the runtime, with the headers {@code /next} sends with it. */
    public record Event(
            String requestId,
            byte[] payload,
            long deadlineEpochMillis,
            String invokedFunctionArn,
            String traceId,
            String clientContext,
            String cognitoIdentity) {}

    /** What the runtime reported for one event: a response, or an error with its type header. */
    public record Outcome(byte[] body, boolean error, String errorTypeHeader) {}

    private final HttpServer server;
    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Outcome>> inFlight = new ConcurrentHashMap<>();
    /**
     * Requests whose response was refused as too large: the client then reports an error for them, which Lambda
     * accepts and ignores (the caller already has the size error).
     */
    private final Set<String> refusedAsTooLarge = ConcurrentHashMap.newKeySet();
    /** Events handed to the runtime and not answered yet: a sequential runtime may hold one at a time. */
    private final Set<String> handedOut = ConcurrentHashMap.newKeySet();

    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    /** How many times the runtime has asked for an event; guarded by itself. */
    private final int[] polls = {0};

    private final CompletableFuture<Outcome> initError = new CompletableFuture<>();

    private RuntimeApiServer() {
        this.server = HttpServers.start("lambdakit-runtime-api", 0, this::handle);
    }

    public static RuntimeApiServer start() {
        return new RuntimeApiServer();
    }

    /** {@code 127.0.0.1:<port>}: the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        InetSocketAddress a = server.getAddress();
        return "127.0.0.1:" + a.getPort();
    }

    /** Completes when the runtime first asks for an event: its init is done. */
    public CompletableFuture<Void> ready() {
        return ready;
    }

    /** Completes if the runtime reports an init error. */
    public CompletableFuture<Outcome> initError() {
        return initError;
    }

    /** Queues an event; the future completes when the runtime reports its result. */
    public CompletableFuture<Outcome> submit(Event event) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        inFlight.put(event.requestId(), outcome);
        queue.add(event);
        return outcome;
    }

    /** How many times the runtime has asked for an event so far. */
    public int polls() {
        synchronized (polls) {
            return polls[0];
        }
    }

    /**
     * Waits until the runtime asks for an event more than {@code seen} times, which the runtime client does only
     * once it has finished with the previous one, log lines included; false when {@code millis} passed first.
     */
    public boolean awaitPoll(int seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (polls) {
            while (polls[0] <= seen) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return false;
                }
                polls.wait(left);
            }
            return true;
        }
    }

    /** Forgets an event (after a timeout): a late result for it is then refused as an invalid request id. */
    public void abandon(String requestId) {
        inFlight.remove(requestId);
        handedOut.remove(requestId);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        try {
            if (path.equals("/2018-06-01/runtime/invocation/next")) {
                if (!method.equals("GET")) {
                    error(exchange, 405, "MethodNotAllowed", "Method " + method + " is not allowed on " + path);
                    return;
                }
                next(exchange);
                return;
            }
            if (path.equals("/2018-06-01/runtime/init/error")) {
                if (!method.equals("POST")) {
                    error(exchange, 405, "MethodNotAllowed", "Method " + method + " is not allowed on " + path);
                    return;
                }
                byte[] body = exchange.getRequestBody().readAllBytes();
                initError.complete(new Outcome(
                        body, true, exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type")));
                accepted(exchange);
                return;
            }
            Matcher m = RESULT.matcher(path);
            if (m.matches()) {
                if (!method.equals("POST")) {
                    error(exchange, 405, "MethodNotAllowed", "Method " + method + " is not allowed on " + path);
                    return;
                }
                result(exchange, m.group(1), m.group(2).equals("error"));
                return;
            }
            error(exchange, 404, "NotFound", "Unknown Runtime API path: " + path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        }
    }

    private void next(HttpExchange exchange) throws IOException, InterruptedException {
        if (!handedOut.isEmpty()) {
            error(
                    exchange,
                    403,
                    "InvalidStateTransition",
                    "State transition from Running to Ready is not allowed: "
                            + "the runtime has not reported the result of "
                            + handedOut.iterator().next() + " yet");
            return;
        }
        ready.complete(null);
        synchronized (polls) {
            polls[0]++;
            polls.notifyAll();
        }
        Event event = queue.take();
        if (!inFlight.containsKey(event.requestId())) {
            // Abandoned (timed out) while queued: never hand it out.
            next(exchange);
            return;
        }
        handedOut.add(event.requestId());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Lambda-Runtime-Aws-Request-Id", event.requestId());
        headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(event.deadlineEpochMillis()));
        headers.put("Lambda-Runtime-Invoked-Function-Arn", event.invokedFunctionArn());
        headers.put("Lambda-Runtime-Trace-Id", event.traceId());
        if (event.clientContext() != null) {
            headers.put("Lambda-Runtime-Client-Context", event.clientContext());
        }
        if (event.cognitoIdentity() != null) {
            headers.put("Lambda-Runtime-Cognito-Identity", event.cognitoIdentity());
        }
        byte[] payload = event.payload();
        // One write for headers and body would avoid Nagle delays; the nodelay setting covers the JDK server.
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(200, payload.length == 0 ? -1 : payload.length);
        if (payload.length > 0) {
            exchange.getResponseBody().write(payload);
        }
        exchange.close();
    }

    private void result(HttpExchange exchange, String requestId, boolean isError) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        CompletableFuture<Outcome> outcome = inFlight.remove(requestId);
        handedOut.remove(requestId);
        if (outcome == null) {
            if (isError && refusedAsTooLarge.remove(requestId)) {
                accepted(exchange);
                return;
            }
            error(exchange, 400, "InvalidRequestID", "Invalid request ID");
            return;
        }
        if (!isError && body.length > MAX_PAYLOAD) {
            refusedAsTooLarge.add(requestId);
            outcome.complete(new Outcome(
                    HttpServers.utf8("{\"errorMessage\":\"Response payload size exceeded "
                            + "maximum allowed payload size (" + MAX_PAYLOAD + " bytes).\",\"errorType\":"
                            + "\"Function.ResponseSizeTooLarge\"}"),
                    true,
                    "Function.ResponseSizeTooLarge"));
            error(
                    exchange,
                    413,
                    "RequestEntityTooLarge",
                    "Exceeded maximum allowed payload size (" + MAX_PAYLOAD + " bytes).");
            return;
        }
        outcome.complete(new Outcome(
                body,
                isError,
                isError ? exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type") : null));
        accepted(exchange);
    }

    private static void accepted(HttpExchange exchange) throws IOException {
        HttpServers.send(
                exchange, 202, Map.of("Content-Type", "application/json"), HttpServers.utf8("{\"status\":\"OK\"}"));
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        HttpServers.send(
                exchange,
                status,
                Map.of("Content-Type", "application/json"),
                HttpServers.utf8("{\"errorMessage\":" + JsonText.quote(message) + ",\"errorType\":"
                        + JsonText.quote(type) + "}"));
    }

    @Override
    public void close() {
        HttpServers.stop(server);
    }
}

package dev.lambdakit.server;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lambdakit.env.internal.Partitions;
import dev.lambdakit.events.EventJson;
import dev.lambdakit.events.internal.JsonText;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.internal.ClientContexts;
import dev.lambdakit.server.internal.HttpServers;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A local Lambda service: the Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}) as the real service
 * answers it, so the AWS SDK's {@code LambdaClient} works against it unchanged. Synchronous ({@code RequestResponse},
 * 200), asynchronous ({@code Event}, 202, queued, retried twice on error) and {@code DryRun} (204) invocations;
 * {@code Tail} logs; {@code X-Amz-Function-Error: Unhandled}; qualifiers and ARNs as function names; the service's
 * error codes. Each function has a pool of execution environments up to its concurrency: warm ones are reused, new
 * ones start cold under load, and past the limit callers get {@code TooManyRequestsException}.
 *
 * <pre>{@code
 * try (LambdaService service = LambdaService.builder()
 *         .function(FunctionConfig.builder().functionName("orders").handler("pkg.Orders").build(), 2)
 *         .start()) {
 *     LambdaClient client = LambdaClient.builder().endpointOverride(service.endpoint()) ... .build();
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LambdaService implements AutoCloseable {

    /** Lambda's synchronous and asynchronous request limits. */
    static final int SYNC_LIMIT = 6 * 1024 * 1024;

    static final int ASYNC_LIMIT = 1024 * 1024;
    private static final int TAIL_BYTES = 4096;
    private static final Pattern PATH = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations/?");

    private final Map<String, FunctionPool> functions;
    private final String region;
    private final String accountId;
    private final HttpServer server;
    private final ScheduledExecutorService async = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "lambdakit-async-invoke");
        t.setDaemon(true);
        return t;
    });
    private final Duration asyncRetryDelay;
    /** The SDK's invocation ids of recent requests, to spot its retries; the oldest go past 10,000. */
    private final Map<String, Integer> sdkInvocationIds = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > 10_000;
        }
    });

    private final List<String> duplicates = Collections.synchronizedList(new ArrayList<>());

    private LambdaService(Builder b) {
        this.functions = b.functions;
        this.region = b.region;
        this.accountId = b.accountId;
        this.asyncRetryDelay = b.asyncRetryDelay;
        this.server = HttpServers.start("lambdakit-lambda-service", b.port, this::handle);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}: the endpoint for {@code LambdaClient.endpointOverride}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The pool serving a function, for assertions on environments and invocations. */
    public FunctionPool function(String name) {
        FunctionPool pool = functions.get(name);
        if (pool == null) {
            throw new IllegalArgumentException(
                    "No function named '" + name + "'; the service has " + functions.keySet());
        }
        return pool;
    }

    /**
     * SDK invocation ids ({@code amz-sdk-invocation-id}) that arrived more than once: the SDK retried an invoke the
     * function had already received, for example after a client-side read timeout.
     */
    public List<String> duplicateDeliveries() {
        synchronized (duplicates) {
            return List.copyOf(duplicates);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (RuntimeException e) {
            error(exchange, 500, "ServiceException", "Service", "LambdaKit's local service failed: " + e);
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        Matcher m = PATH.matcher(rawPath);
        if (!m.matches()) {
            error(
                    exchange,
                    404,
                    "UnknownOperationException",
                    "User",
                    "Unknown operation " + exchange.getRequestMethod() + " " + rawPath);
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            error(
                    exchange,
                    405,
                    "UnknownOperationException",
                    "User",
                    "Invoke needs POST, not " + exchange.getRequestMethod());
            return;
        }
        String sdkId = exchange.getRequestHeaders().getFirst("amz-sdk-invocation-id");
        if (sdkId != null && sdkInvocationIds.merge(sdkId, 1, Integer::sum) > 1) {
            duplicates.add(sdkId);
        }
        String given = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        FunctionName name = FunctionName.parse(given, query(exchange).get("Qualifier"));
        if (name == null) {
            error(
                    exchange,
                    400,
                    "ValidationException",
                    "User",
                    "1 validation error detected: Value '" + given + "' at 'functionName' failed to satisfy "
                            + "constraint: Member must satisfy regular expression pattern: " + FunctionName.CONSTRAINT);
            return;
        }
        if (name.region() != null && !name.region().equals(region)
                || name.accountId() != null && !name.accountId().equals(accountId)) {
            // another region's or account's function: not one this service holds
            error(exchange, 404, "ResourceNotFoundException", "User", "Function not found: " + given);
            return;
        }
        FunctionPool pool = functions.get(name.name());
        if (pool == null
                || name.qualifier() != null
                        && !name.qualifier().equals("$LATEST")
                        && !name.qualifier().equals(pool.config().version())) {
            String arn = "arn:" + Partitions.id(region) + ":lambda:" + region + ":" + accountId + ":function:"
                    + name.name() + (name.qualifier() == null ? "" : ":" + name.qualifier());
            error(exchange, 404, "ResourceNotFoundException", "User", "Function not found: " + arn);
            return;
        }
        String type = Objects.requireNonNullElse(
                exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"), "RequestResponse");
        byte[] body = exchange.getRequestBody().readAllBytes();
        switch (type) {
            case "DryRun" ->
                HttpServers.send(exchange, 204, Map.of("x-amzn-RequestId", pool.newRequestId()), new byte[0]);
            case "Event" -> invokeAsync(exchange, pool, body);
            case "RequestResponse" -> invokeSync(exchange, pool, body);
            default ->
                error(
                        exchange,
                        400,
                        "InvalidParameterValueException",
                        "User",
                        "1 validation error detected: "
                                + "Value '" + type
                                + "' at 'invocationType' failed to satisfy constraint: Member must satisfy "
                                + "enum value set: [Event, RequestResponse, DryRun]");
        }
    }

    /** Refuses a payload over {@code limit} bytes or not JSON, as the service does; true when it did. */
    private static boolean refused(HttpExchange exchange, byte[] body, int limit) throws IOException {
        if (body.length > limit) {
            error(
                    exchange,
                    413,
                    "RequestTooLargeException",
                    "User",
                    "Request must be smaller than " + limit + " bytes for the InvokeFunction operation");
            return true;
        }
        if (!isJson(body)) {
            error(
                    exchange,
                    400,
                    "InvalidRequestContentException",
                    "User",
                    "Could not parse request body into json: " + "the payload is not valid JSON");
            return true;
        }
        return false;
    }

    private void invokeSync(HttpExchange exchange, FunctionPool pool, byte[] body) throws IOException {
        if (refused(exchange, body, SYNC_LIMIT)) {
            return;
        }
        String header = exchange.getRequestHeaders().getFirst("X-Amz-Client-Context");
        ClientContext clientContext = null;
        if (header != null && !header.isBlank()) {
            try {
                clientContext = ClientContexts.fromJson(
                        new String(Base64.getDecoder().decode(header.strip()), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                error(
                        exchange,
                        400,
                        "InvalidRequestContentException",
                        "User",
                        "X-Amz-Client-Context must be a Base64-encoded JSON object: " + e.getMessage());
                return;
            }
        }
        InvocationResult<Object> result;
        try {
            result = pool.invoke(body, clientContext);
        } catch (FunctionPool.Throttled e) {
            error(
                    exchange,
                    429,
                    "TooManyRequestsException",
                    "User",
                    "Rate Exceeded.",
                    Map.of("Reason", "ReservedFunctionConcurrentInvocationLimitExceeded"));
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("x-amzn-RequestId", result.requestId());
        headers.put("X-Amz-Executed-Version", pool.config().version());
        if (!result.isSuccess()) {
            headers.put("X-Amz-Function-Error", "Unhandled");
        }
        if ("Tail".equals(exchange.getRequestHeaders().getFirst("X-Amz-Log-Type"))) {
            byte[] log = HttpServers.utf8(result.log());
            int from = Math.max(0, log.length - TAIL_BYTES);
            headers.put(
                    "X-Amz-Log-Result", Base64.getEncoder().encodeToString(Arrays.copyOfRange(log, from, log.length)));
        }
        HttpServers.send(exchange, 200, headers, result.payload());
    }

    private void invokeAsync(HttpExchange exchange, FunctionPool pool, byte[] body) throws IOException {
        if (refused(exchange, body, ASYNC_LIMIT)) {
            return;
        }
        String requestId = pool.newRequestId();
        pool.accepted(requestId);
        async.execute(() -> attempt(pool, requestId, body, 0));
        HttpServers.send(exchange, 202, Map.of("x-amzn-RequestId", requestId), new byte[0]);
    }

    /** Lambda's async path: up to two retries on error, with a delay between attempts. */
    private void attempt(FunctionPool pool, String requestId, byte[] body, int attempt) {
        InvocationResult<Object> result;
        try {
            result = pool.invoke(body, null);
        } catch (FunctionPool.Throttled e) {
            async.schedule(
                    () -> attempt(pool, requestId, body, attempt), asyncRetryDelay.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        pool.asyncAttempt(requestId, result);
        if (!result.isSuccess() && attempt < 2) {
            async.schedule(
                    () -> attempt(pool, requestId, body, attempt + 1),
                    asyncRetryDelay.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private static boolean isJson(byte[] body) {
        if (body.length == 0) {
            return true;
        }
        try {
            EventJson.toTree(new String(body, StandardCharsets.UTF_8));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static void error(HttpExchange exchange, int status, String code, String type, String message)
            throws IOException {
        error(exchange, status, code, type, message, Map.of());
    }

    private static void error(
            HttpExchange exchange, int status, String code, String type, String message, Map<String, String> extra)
            throws IOException {
        StringBuilder body = new StringBuilder("{\"Type\":\"")
                .append(type)
                .append("\",\"Message\":")
                .append(JsonText.quote(message));
        extra.forEach((k, v) -> body.append(",\"").append(k).append("\":").append(JsonText.quote(v)));
        body.append('}');
        HttpServers.send(
                exchange,
                status,
                Map.of(
                        "Content-Type",
                        "application/json",
                        "X-Amzn-ErrorType",
                        code,
                        "x-amzn-RequestId",
                        UUID.randomUUID().toString()),
                HttpServers.utf8(body.toString()));
    }

    /** Stops the server and every function's environments. */
    @Override
    public void close() {
        HttpServers.stop(server);
        async.shutdownNow();
        functions.values().forEach(FunctionPool::close);
    }

    /** Configures a {@link LambdaService}. */
    public static final class Builder {
        private final Map<String, FunctionPool> functions = new LinkedHashMap<>();
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private int port;
        private Duration asyncRetryDelay = Duration.ofMillis(200);

        private Builder() {}

        /**
         * A function with its concurrency (the most environments it may run at once); each environment is a
         * {@link dev.lambdakit.runtime.LambdaFunction} run where {@link FunctionConfig#execution()} says.
         */
        public Builder function(FunctionConfig config, int concurrency) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, but was " + concurrency);
            }
            if (functions.containsKey(config.functionName())) {
                throw new IllegalArgumentException("Two functions are named '" + config.functionName() + "'");
            }
            functions.put(config.functionName(), new FunctionPool(config, concurrency));
            return this;
        }

        public Builder function(FunctionConfig config) {
            return function(config, 10);
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** A fixed port; 0 (the default) takes a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The pause between asynchronous attempts (Lambda waits minutes; tests rarely want to). */
        public Builder asyncRetryDelay(Duration delay) {
            this.asyncRetryDelay = delay;
            return this;
        }

        public LambdaService start() {
            if (functions.isEmpty()) {
                throw new IllegalStateException("A Lambda service needs at least one function");
            }
            return new LambdaService(this);
        }
    }
}

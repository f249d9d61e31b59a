package dev.lambdakit.server;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.ClientContext;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.Invocation;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * One function of a {@link LambdaService}: a pool of execution environments (each a {@link LambdaFunction}) up to
 * the function's concurrency. An invocation takes a warm environment if one is idle, starts a new one (a cold start)
 * if the pool has room, and is throttled otherwise.
 *
 * <pre>{@code
 * FunctionPool orders = service.function("orders");
 * assert orders.environments() <= 2;
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FunctionPool implements AutoCloseable {

    /** Thrown when every environment is busy and the pool is full. */
    static final class Throttled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Throttled() {
            super(null, null, false, false);
        }
    }

    private final FunctionConfig config;
    private final int concurrency;
    private final Deque<LambdaFunction> idle = new ArrayDeque<>();
    private final List<LambdaFunction> all = new ArrayList<>();
    /** Busy environments to start cold when their invocation returns. */
    private final java.util.Set<LambdaFunction> retiring = new java.util.HashSet<>();
    /** The last {@value #KEPT_ASYNC_REQUESTS} asynchronous requests' attempts, each result with its log. */
    private final Map<String, List<InvocationResult<Object>>> asyncAttempts = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<InvocationResult<Object>>> eldest) {
            return size() > KEPT_ASYNC_REQUESTS;
        }
    };

    static final int KEPT_ASYNC_REQUESTS = 1_000;
    private long invocations;
    private long throttles;

    /**
     * The class loader the service was built under (the test's, or the Maven plugin's view of the project): new
     * environments start on server threads, whose own context loader differs between JDKs.
     */
    private final ClassLoader loader;

    FunctionPool(FunctionConfig config, int concurrency) {
        this.config = config;
        this.concurrency = concurrency;
        this.loader = Thread.currentThread().getContextClassLoader();
    }

    public FunctionConfig config() {
        return config;
    }

    public int concurrency() {
        return concurrency;
    }

    /** How many execution environments were started. */
    public synchronized int environments() {
        return all.size();
    }

    /** Invocations that ran (sync and async attempts). */
    public synchronized long invocations() {
        return invocations;
    }

    /** Invocations refused because every environment was busy. */
    public synchronized long throttles() {
        return throttles;
    }

    /** Each accepted asynchronous request's attempts, in order (up to three), for the last 1,000 requests. */
    public synchronized Map<String, List<InvocationResult<Object>>> asyncAttempts() {
        Map<String, List<InvocationResult<Object>>> copy = new LinkedHashMap<>();
        asyncAttempts.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    String newRequestId() {
        return UUID.randomUUID().toString();
    }

    synchronized void accepted(String requestId) {
        asyncAttempts.put(requestId, new ArrayList<>());
    }

    synchronized void asyncAttempt(String requestId, InvocationResult<Object> result) {
        asyncAttempts.computeIfAbsent(requestId, k -> new ArrayList<>()).add(result);
    }

    InvocationResult<Object> invoke(byte[] payload, ClientContext clientContext) {
        LambdaFunction environment = acquire();
        try {
            Invocation invocation =
                    Invocation.of(payload.length == 0 ? "null".getBytes(StandardCharsets.US_ASCII) : payload);
            invocation.clientContext(clientContext);
            return environment.invoke(invocation, Object.class);
        } finally {
            release(environment);
        }
    }

    private synchronized LambdaFunction acquire() {
        LambdaFunction environment = idle.pollFirst();
        if (environment == null) {
            if (all.size() >= concurrency) {
                throttles++;
                throw new Throttled();
            }
            Thread current = Thread.currentThread();
            ClassLoader before = current.getContextClassLoader();
            current.setContextClassLoader(loader);
            try {
                environment = LambdaFunction.create(config);
            } finally {
                current.setContextClassLoader(before);
            }
            all.add(environment);
        }
        invocations++;
        return environment;
    }

    private synchronized void release(LambdaFunction environment) {
        if (retiring.remove(environment)) {
            environment.forceColdStart();
        }
        idle.addFirst(environment);
    }

    /**
     * Makes every environment start cold at its next invocation (an idle one now, a busy one when its invocation
     * returns), so that it loads the function's classes as they are then, after a recompile.
     */
    public synchronized void coldStartAll() {
        for (LambdaFunction environment : all) {
            if (idle.contains(environment)) {
                environment.forceColdStart();
            } else {
                retiring.add(environment);
            }
        }
    }

    @Override
    public synchronized void close() {
        all.forEach(LambdaFunction::close);
        all.clear();
        idle.clear();
    }
}

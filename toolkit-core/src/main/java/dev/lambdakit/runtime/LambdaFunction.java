package dev.lambdakit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.env.TemporaryCredentials;
import dev.lambdakit.env.internal.CredentialSandbox;
import dev.lambdakit.env.internal.EnvScope;
import dev.lambdakit.env.internal.EnvironmentOverlay;
import dev.lambdakit.env.internal.ReservedVariables;
import dev.lambdakit.function.Execution;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.internal.CapturingLogger;
import dev.lambdakit.runtime.internal.Contexts;
import dev.lambdakit.runtime.internal.FunctionRuntime;
import dev.lambdakit.runtime.internal.Ids;
import dev.lambdakit.runtime.internal.InProcessRuntime;
import dev.lambdakit.runtime.internal.InvocationCycle;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import org.apiguardian.api.API;

/**
 * A function under test in its simulated execution environment: the first invocation initialises it (a cold
 * start), later ones reuse it warm, one at a time, until a timeout, a crash or {@link #forceColdStart()}.
 *
 * <p>During init and every invocation the handler sees Lambda's reserved variables, temporary credentials and the
 * function's own variables through {@code System.getenv}, so an AWS SDK client built inside it finds its region and
 * credentials as in the cloud, and never the developer's own.
 *
 * <p>The handler runs where {@link FunctionConfig#execution()} says: on a thread of this JVM (the default) or in a
 * child JVM under the official runtime interface client or LambdaKit's bootstrap. Every invocation goes through the
 * same cycle either way, so results, errors and log lines have the same shape.
 *
 * <pre>{@code
 * try (LambdaFunction function = LambdaFunction.create(FunctionConfig.builder()
 *         .handler("com.acme.Orders::create").timeout(Duration.ofSeconds(10)).build())) {
 *     InvocationResult<Object> result = function.invoke("{\"sku\":\"A-1\"}");
 *     System.out.println(result.report().toLogLine());
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LambdaFunction implements AutoCloseable {

    private final FunctionConfig config;
    private final Ids ids;
    private final ClassLoader baseLoader;
    private final EnvScope view;
    private final InvocationCycle cycle;
    private FunctionRuntime.Environment environment;
    private FunctionRuntime runtime;
    private boolean closed;

    private LambdaFunction(FunctionConfig config) {
        CredentialSandbox.checkSystemProperties();
        this.config = config;
        this.ids = new Ids(config.seed().isPresent() ? config.seed().getAsLong() : null);
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        this.baseLoader = tccl != null ? tccl : LambdaFunction.class.getClassLoader();
        this.environment = newEnvironment();
        this.runtime = newRuntime(environment);
        this.view = EnvironmentOverlay.open(environment.variables());
        this.cycle = new InvocationCycle(config, ids);
    }

    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private FunctionRuntime.Environment newEnvironment() {
        String id = ids.hex(32);
        String logStream = LocalDate.now(ZoneOffset.UTC).format(STREAM_DATE) + "/[" + config.version() + "]" + id;
        TemporaryCredentials credentials = TemporaryCredentials.generate(ids.random());
        Map<String, String> variables =
                Collections.unmodifiableMap(ReservedVariables.environment(config, logStream, credentials));
        return new FunctionRuntime.Environment(id, logStream, credentials, variables);
    }

    private FunctionRuntime newRuntime(FunctionRuntime.Environment env) {
        Execution execution = config.execution();
        if (!execution.isForked()) {
            return new InProcessRuntime(config, env, baseLoader);
        }
        for (FunctionRuntime.Provider provider :
                ServiceLoader.load(FunctionRuntime.Provider.class, LambdaFunction.class.getClassLoader())) {
            if (provider.supports(execution)) {
                return provider.create(config, env);
            }
        }
        throw new IllegalStateException("No runtime for execution " + execution + " was found on the class path: "
                + "toolkit-core registers it in META-INF/services; was that file dropped when the jar was shaded?");
    }

    /**
     * Creates the function and its first execution environment (variables and credentials; init waits for the
     * first invocation).
     *
     * @throws IllegalStateException when JVM-wide {@code aws.*} system properties would override the simulated
     *                               identity, or the JVM refuses per-thread environment variables
     */
    public static LambdaFunction create(FunctionConfig config) {
        return new LambdaFunction(Objects.requireNonNull(config, "config"));
    }

    /** A function with Lambda's defaults and this handler string. */
    public static LambdaFunction of(String handler) {
        return create(FunctionConfig.builder().handler(handler).build());
    }

    public FunctionConfig config() {
        return config;
    }

    /** Invokes synchronously and reads the payload as plain JSON values (maps, lists, strings, numbers). */
    public InvocationResult<Object> invoke(Object event) {
        return invoke(event instanceof Invocation i ? i : Invocation.of(event), Object.class);
    }

    /** Invokes synchronously and reads the payload as {@code outputType}, through the runtime's serializer. */
    public <T> InvocationResult<T> invoke(Object event, Class<T> outputType) {
        return invoke(event instanceof Invocation i ? i : Invocation.of(event), outputType);
    }

    /**
     * Invokes synchronously. The call returns at the function's timeout at the latest: a handler still running
     * then is interrupted and abandoned, and the result is Lambda's timeout error.
     *
     * @throws IllegalArgumentException when the event cannot be serialized or exceeds the 6 MB request limit
     * @throws IllegalStateException    after {@link #close()}
     */
    public synchronized <T> InvocationResult<T> invoke(Invocation invocation, Class<T> outputType) {
        Objects.requireNonNull(invocation, "invocation");
        Objects.requireNonNull(outputType, "outputType");
        checkOpen();
        try {
            return cycle.invoke(runtime, invocation, outputType);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runtime.reset();
            throw new IllegalStateException("Interrupted while waiting for the handler; the runtime was reset", e);
        }
    }

    /** Makes the next invocation a cold start in a brand-new execution environment (new id and credentials). */
    public synchronized void forceColdStart() {
        checkOpen();
        runtime.close();
        environment = newEnvironment();
        runtime = newRuntime(environment);
        view.replace(environment.variables());
    }

    /** Whether the next invocation will be warm (the environment's runtime is initialised). */
    public synchronized boolean isWarm() {
        return runtime.isInitialized();
    }

    /**
     * A context as an invocation would receive now (new request id, deadline at now + timeout), for calling a
     * handler directly; its logger writes to the console.
     */
    public synchronized SimulatedContext newContext() {
        checkOpen();
        long now = System.currentTimeMillis();
        FunctionRuntime.Request request = new FunctionRuntime.Request(
                ids.uuid(),
                new byte[0],
                config.functionArn(),
                ids.traceId(now / 1000),
                now + config.timeout().toMillis(),
                null,
                null,
                null);
        return Contexts.of(
                config,
                environment.logStreamName(),
                request,
                System.nanoTime() + config.timeout().toNanos(),
                new CapturingLogger(runtime.log()));
    }

    /** The current environment's simulated variables as a handler sees them (hidden real ones left out). */
    public synchronized Map<String, String> environmentVariables() {
        Map<String, String> visible = new HashMap<>();
        environment.variables().forEach((k, v) -> {
            if (v != null) {
                visible.put(k, v);
            }
        });
        return visible;
    }

    /** The current environment's temporary credentials. */
    public synchronized TemporaryCredentials credentials() {
        return environment.credentials();
    }

    /**
     * Makes {@code System.getenv} on the calling thread (and threads it starts) show this function's environment,
     * as a handler sees it, until the binding is closed: for calling a handler directly from a test.
     */
    public EnvironmentBinding bindEnvironment() {
        return view.bind()::close;
    }

    /**
     * The calling thread's view of a function's environment, undone by {@link #close()} on that thread.
     *
     * <pre>{@code
     * try (LambdaFunction.EnvironmentBinding bound = fn.bindEnvironment()) {
     *     new OrderHandler().handleRequest(event, fn.newContext());
     * }
     * }</pre>
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    @FunctionalInterface
    public interface EnvironmentBinding extends AutoCloseable {
        @Override
        void close();
    }

    /** Shuts the environment down and restores the real environment for every thread. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            runtime.close();
        } finally {
            view.close(); // whatever the shutdown met, the real environment comes back
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Function " + config.functionName() + " is closed");
        }
    }
}

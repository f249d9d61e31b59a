package dev.lambdakit.runtime;

import dev.lambdakit.env.EnvScope;
import dev.lambdakit.env.EnvironmentOverlay;
import dev.lambdakit.env.ReservedVariables;
import dev.lambdakit.env.TemporaryCredentials;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.function.HandlerResolver;
import dev.lambdakit.function.ResolvedHandler;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Map;

/**
 * One simulated execution environment: its identity (id, log stream, temporary credentials, environment
 * variables) for its whole life, and a runtime inside it that initialises once, serves invocations one at a time,
 * and is reset after a timeout or a crash (the next invocation then initialises again in the same environment).
 */
final class ExecutionEnvironment implements AutoCloseable {

    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    final FunctionConfig config;
    final String id;
    final String logStreamName;
    final TemporaryCredentials credentials;
    final Map<String, String> variables;
    final EnvScope scope;
    final LogSink sink = new LogSink();
    private final ClassLoader baseLoader;
    private final CapturingLogger logger;

    private Worker worker;
    private ThreadGroup threads;
    private ResolvedHandler handler;
    /** The stack of an abandoned runtime thread that could not be ended, until the invoker reports it. */
    private StackTraceElement[] runaway;

    private boolean initialized;
    private int runtimeGeneration;

    ExecutionEnvironment(FunctionConfig config, Ids ids, ClassLoader baseLoader) {
        this.config = config;
        this.baseLoader = baseLoader;
        this.id = ids.hex(32);
        this.logStreamName = LocalDate.now(ZoneOffset.UTC).format(STREAM_DATE) + "/[" + config.version() + "]" + id;
        this.credentials = TemporaryCredentials.generate(ids.random());
        this.variables = Collections.unmodifiableMap(ReservedVariables.environment(config, logStreamName, credentials));
        this.scope = EnvironmentOverlay.open(variables);
        this.logger = new CapturingLogger(sink);
        LogSink.installTee();
    }

    CapturingLogger logger() {
        return logger;
    }

    boolean isInitialized() {
        return initialized;
    }

    /** The outcome of an init attempt. */
    record InitOutcome(boolean success, boolean timedOut, Throwable failure, double durationMillis) {}

    /** Starts a fresh runtime (thread and, for handlers given by name, class loader) and loads the handler. */
    InitOutcome init(long deadlineNanos) throws InterruptedException {
        startRuntime();
        long start = System.nanoTime();
        Worker.Task<ResolvedHandler> task = worker.run(
                () -> HandlerResolver.resolve(
                        config.handler(), Thread.currentThread().getContextClassLoader()),
                deadlineNanos,
                false);
        double millis = (System.nanoTime() - start) / 1e6;
        if (!task.isDone()) {
            reset();
            return new InitOutcome(false, true, null, millis);
        }
        if (task.error() != null) {
            reset();
            return new InitOutcome(false, false, task.error(), millis);
        }
        handler = task.value();
        initialized = true;
        return new InitOutcome(true, false, null, millis);
    }

    /** Runs the handler on the runtime thread; the task is unfinished if the deadline passed. */
    Worker.Task<Response> invoke(byte[] payload, SimulatedContext context, String traceId, long deadlineNanos)
            throws InterruptedException {
        ResolvedHandler h = handler;
        EnvScope invocationScope = scope.child(Map.of("_X_AMZN_TRACE_ID", traceId));
        return worker.run(
                () -> {
                    long allocatedBefore = Allocation.currentThread();
                    try (EnvScope.Binding ignored = invocationScope.bind()) {
                        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
                        h.handle(payload, out, context);
                        return new Response(out.toByteArray(), Allocation.since(allocatedBefore));
                    }
                },
                deadlineNanos,
                true);
    }

    /** A handler's response bytes and what its thread allocated producing them. */
    record Response(byte[] payload, long allocatedBytes) {}

    /** The stack of a runtime thread the last reset could not end, once; null when there is none. */
    StackTraceElement[] takeRunaway() {
        StackTraceElement[] stack = runaway;
        runaway = null;
        return stack;
    }

    /** Kills the runtime (a timeout, a crash): the environment stays, the next invocation initialises again. */
    void reset() {
        var functionFrame = functionFrame();
        initialized = false;
        handler = null;
        if (worker != null) {
            Thread runtimeThread = worker.thread();
            StackTraceElement[] stillRunning = worker.abandon();
            if (stillRunning != null) {
                runaway = stillRunning;
            }
            Worker.endThreads(threads, runtimeThread, functionFrame);
            worker = null;
        }
    }

    /**
     * Whether a stack frame runs the function's own code: a class this environment defined (unnamed loader, no
     * module, as {@link EnvironmentClassLoader} is), or the handler's class and its nested classes (shared with the
     * test when built by a factory or free of static state).
     */
    private java.util.function.Predicate<StackTraceElement> functionFrame() {
        ResolvedHandler h = handler;
        String handlerClass =
                h != null && h.handlerClass() != null ? h.handlerClass().getName() : null;
        boolean reloaded = config.handler().factory().isEmpty();
        return frame -> (reloaded
                        && frame.getClassLoaderName() == null
                        && frame.getModuleName() == null
                        && !frame.getClassName().startsWith("java.")
                        && !frame.getClassName().startsWith("jdk."))
                || (handlerClass != null
                        && (frame.getClassName().equals(handlerClass)
                                || frame.getClassName().startsWith(handlerClass + "$")));
    }

    @SuppressWarnings("removal") // ThreadGroup.setDaemon: still what keeps groups from piling up on Java 17 and 18
    private void startRuntime() {
        if (worker != null) {
            worker.stop();
        }
        runtimeGeneration++;
        ClassLoader loader =
                config.handler().factory().isPresent() ? baseLoader : new EnvironmentClassLoader(baseLoader);
        String name = "lambdakit-" + config.functionName() + "-" + id.substring(0, 8) + "-" + runtimeGeneration;
        threads = new ThreadGroup(name);
        threads.setDaemon(true); // up to Java 18, an empty daemon group is dropped by its parent: none pile up
        worker = new Worker(threads, name, loader, () -> {
            scope.bind();
            sink.bindCurrentThread();
        });
    }

    @Override
    public void close() {
        try {
            if (worker != null) {
                worker.stop();
                Worker.endThreads(threads, worker.thread(), functionFrame());
                worker = null;
            }
            handler = null;
            initialized = false;
        } finally {
            scope.close();
        }
    }
}

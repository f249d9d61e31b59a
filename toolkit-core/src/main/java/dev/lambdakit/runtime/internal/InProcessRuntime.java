package dev.lambdakit.runtime.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.lambdakit.env.internal.EnvScope;
import dev.lambdakit.env.internal.EnvironmentOverlay;
import dev.lambdakit.function.Execution;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.function.internal.HandlerFault;
import dev.lambdakit.function.internal.HandlerResolver;
import dev.lambdakit.function.internal.ResolvedHandler;
import dev.lambdakit.runtime.LambdaError;
import dev.lambdakit.runtime.SimulatedContext;
import dev.lambdakit.runtime.crac.internal.SnapStart;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * The in-process runtime of one execution environment: a runtime thread of this JVM that sees the environment's
 * variables, a class loader of its own for handlers given by name, initialised once and serving invocations one at a
 * time; reset after a timeout or a crash (the next invocation then initialises again in the same environment).
 */
@API(status = INTERNAL, since = "0.1")
public final class InProcessRuntime implements FunctionRuntime {

    static {
        // Before any function's code loads org.crac; once per JVM, not on every environment's creation.
        SnapStart.install();
    }

    final FunctionConfig config;
    private final Environment environment;
    private final EnvScope scope;
    private final LogSink sink = new LogSink();
    private final ClassLoader baseLoader;
    private final CapturingLogger logger;

    private Worker worker;
    private ThreadGroup threads;
    private ResolvedHandler handler;
    /** The stack of an abandoned runtime thread that could not be ended, until the cycle reports it. */
    private StackTraceElement[] runaway;

    private boolean initialized;
    private int runtimeGeneration;

    public InProcessRuntime(FunctionConfig config, Environment environment, ClassLoader baseLoader) {
        this.config = config;
        this.environment = environment;
        this.baseLoader = baseLoader;
        this.scope = EnvironmentOverlay.open(environment.variables());
        this.logger = new CapturingLogger(sink);
        LogSink.installTee();
    }

    CapturingLogger logger() {
        return logger;
    }

    @Override
    public LogSink log() {
        return sink;
    }

    @Override
    public boolean isInitialized() {
        return initialized;
    }

    @Override
    public boolean logsErrors() {
        return false;
    }

    @Override
    public String timeoutHint() {
        return "the handler ran past the function's timeout of "
                + config.timeout().toSeconds() + " s; it was "
                + "interrupted and the environment's runtime reset, so the next invocation is cold";
    }

    @Override
    public int memoryUsedMb() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return (int) Math.min(config.memoryMb(), (used + (1 << 20) - 1) >> 20);
    }

    /** Starts a fresh runtime (thread and, for handlers given by name, class loader) and loads the handler. */
    @Override
    public Init init(long deadlineNanos) throws InterruptedException {
        startRuntime();
        long start = System.nanoTime();
        Worker.Task<SnapStart.Restored<ResolvedHandler>> task = worker.run(
                () -> {
                    ClassLoader loader = Thread.currentThread().getContextClassLoader();
                    if (config.snapStart()) {
                        return SnapStart.initAndRestore(() -> HandlerResolver.resolve(config.handler(), loader));
                    }
                    return new SnapStart.Restored<>(HandlerResolver.resolve(config.handler(), loader), 0, -1);
                },
                deadlineNanos,
                false);
        double millis = (System.nanoTime() - start) / 1e6;
        if (!task.isDone()) {
            reset();
            return new Init(Init.Status.TIMED_OUT, null, millis);
        }
        if (task.error() != null) {
            reset();
            return new Init(Init.Status.FAILED, initError(task.error()), millis);
        }
        handler = task.value().initialized();
        initialized = true;
        double restore = task.value().restoreMillis();
        return new Init(Init.Status.SUCCESS, null, restore < 0 ? millis : millis - restore, restore);
    }

    @Override
    public Run run(Request request, long deadlineNanos) throws InterruptedException {
        ResolvedHandler h = handler;
        SimulatedContext context = Contexts.of(
                config,
                environment.logStreamName(),
                request,
                deadlineNanos,
                logger.forInvocation(request.requestId(), config.environment()));
        EnvScope invocationScope = scope.child(Map.of("_X_AMZN_TRACE_ID", request.traceId()));
        Worker.Task<Run> task = worker.run(
                () -> {
                    long allocatedBefore = Allocation.currentThread();
                    try (EnvScope.Binding ignored = invocationScope.bind()) {
                        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
                        h.handle(request.payload(), out, context);
                        return Run.response(out.toByteArray(), Allocation.since(allocatedBefore));
                    }
                },
                deadlineNanos,
                true);
        if (!task.isDone()) {
            return Run.timeout();
        }
        if (task.error() != null) {
            if (task.error() instanceof VirtualMachineError) {
                reset(); // the official client ends its process after one: the next invocation is cold
            }
            return Run.failed(Errors.fromInvocation(task.error()));
        }
        return task.value();
    }

    private static LambdaError initError(Throwable failure) {
        if (failure instanceof SnapStart.HookFailure hook) {
            Throwable cause = hook.getCause();
            return new LambdaError(
                    Errors.messageOf(cause),
                    cause.getClass().getName(),
                    List.of(),
                    LambdaError.Phase.INIT,
                    hook.errorType(),
                    cause,
                    null);
        }
        if (failure instanceof HandlerFault f) {
            return new LambdaError(
                    f.errorMessage(),
                    f.errorType(),
                    List.of(),
                    LambdaError.Phase.INIT,
                    "Runtime.BadFunctionCode",
                    f.getCause() != null ? f.getCause() : f,
                    f.hint());
        }
        return new LambdaError(
                Errors.messageOf(failure),
                failure.getClass().getName(),
                List.of(),
                LambdaError.Phase.INIT,
                "Runtime.BadFunctionCode",
                failure,
                null);
    }

    @Override
    public StackTraceElement[] takeRunaway() {
        StackTraceElement[] stack = runaway;
        runaway = null;
        return stack;
    }

    @Override
    public void reset() {
        var functionFrame = functionFrame();
        ResolvedHandler ended = handler;
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
        closeLeftovers(ended);
        Subprocesses.endStartedBy(environment.variables());
    }

    private void closeLeftovers(ResolvedHandler ended) {
        if (ended != null && config.execution() == Execution.IN_PROCESS_ISOLATED) {
            Leftovers.close(ended);
        }
    }

    /**
     * Whether a stack frame runs the function's own code: a class this environment defined (unnamed loader, no
     * module, as {@link EnvironmentClassLoader} is), or the handler's class and its nested classes (shared with the
     * test when built by a factory or free of static state).
     */
    private Predicate<StackTraceElement> functionFrame() {
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
        ClassLoader loader = config.handler().factory().isPresent()
                ? baseLoader
                : new EnvironmentClassLoader(baseLoader, config.execution() == Execution.IN_PROCESS_ISOLATED);
        String name =
                "lambdakit-" + config.functionName() + "-" + environment.id().substring(0, 8) + "-" + runtimeGeneration;
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
            closeLeftovers(handler);
            handler = null;
            initialized = false;
            Subprocesses.endStartedBy(environment.variables());
        } finally {
            scope.close();
        }
    }
}

package dev.lambdakit.runtime;

import dev.lambdakit.env.ReservedVariables;
import dev.lambdakit.events.EventJson;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.function.HandlerFault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** One invocation's course through an environment: init when cold, the handler, the deadline, the log lines. */
final class Invoker {

    /** Lambda's synchronous payload limit, request and response (6 MB plus the runtime's 100 bytes of slack). */
    static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024 + 100;

    static final int MAX_REQUEST_BYTES = 6 * 1024 * 1024;

    private final FunctionConfig config;
    private final Ids ids;
    private final long timeoutNanos;

    Invoker(FunctionConfig config, Ids ids) {
        this.config = config;
        this.ids = ids;
        this.timeoutNanos = config.timeout().toNanos();
    }

    <T> InvocationResult<T> invoke(ExecutionEnvironment env, Invocation invocation, Class<T> outputType)
            throws InterruptedException {
        byte[] payload = toPayload(invocation.event());
        String requestId = ids.uuid();
        String traceId =
                invocation.traceId() != null ? invocation.traceId() : ids.traceId(System.currentTimeMillis() / 1000);
        LogSink sink = env.sink;
        LogSink.Buffer buffer = sink.begin();
        boolean cold = !env.isInitialized();
        OptionalDouble initMillis = OptionalDouble.empty();
        LambdaError error = null;
        byte[] response = null;
        long allocated = -1;
        long start = System.nanoTime();
        try {
            if (cold) {
                sink.log(LambdaLines.initStart(config));
                ExecutionEnvironment.InitOutcome init =
                        env.init(System.nanoTime() + config.initTimeout().toNanos());
                initMillis = OptionalDouble.of(init.durationMillis());
                start = System.nanoTime();
                if (init.timedOut()) {
                    sink.log(initReport(init.durationMillis(), "timeout", null));
                    // Lambda retries a timed-out init inside the invocation, bounded by the function's timeout.
                    ExecutionEnvironment.InitOutcome retry = env.init(start + timeoutNanos);
                    if (retry.timedOut()) {
                        error = timeout(requestId);
                    } else if (retry.failure() != null) {
                        error = initError(retry.failure());
                    }
                } else if (init.failure() != null) {
                    error = initError(init.failure());
                    sink.log(initReport(init.durationMillis(), "error", error.functionErrorType()));
                }
            }
            sink.log("START RequestId: " + requestId + " Version: " + config.version() + "\n");
            if (error == null) {
                SimulatedContext context = context(
                        env,
                        invocation,
                        requestId,
                        start,
                        System.currentTimeMillis() - (System.nanoTime() - start) / 1_000_000L,
                        traceId);
                Worker.Task<ExecutionEnvironment.Response> task =
                        env.invoke(payload, context, traceId, start + timeoutNanos);
                if (!task.isDone()) {
                    env.reset();
                    error = timeout(requestId);
                } else if (task.error() != null) {
                    error = Errors.fromInvocation(task.error());
                    if (task.error() instanceof VirtualMachineError) {
                        env.reset();
                    }
                } else {
                    response = task.value().payload();
                    allocated = task.value().allocatedBytes();
                    if (response.length > MAX_PAYLOAD_BYTES) {
                        error = new LambdaError(
                                "Response payload size exceeded maximum allowed payload size (" + MAX_PAYLOAD_BYTES
                                        + " bytes).",
                                "Function.ResponseSizeTooLarge",
                                List.of(),
                                LambdaError.Phase.INVOKE,
                                "Function.ResponseSizeTooLarge",
                                null,
                                null);
                    }
                }
            }
            StackTraceElement[] runaway = env.takeRunaway();
            if (runaway != null && error != null) {
                error = runawayReported(error, runaway, sink);
            }
            if (error != null) {
                sink.log(Errors.logText(error));
            }
            double durationMillis = (System.nanoTime() - start) / 1e6;
            sink.log("END RequestId: " + requestId + "\n");
            Report report = new Report(
                    requestId,
                    durationMillis,
                    initMillis,
                    config.memoryMb(),
                    memoryUsedMb(),
                    allocated,
                    config.architecture());
            sink.log(report.toLogLine() + "\n");
            byte[] body = error != null ? error.toJson().getBytes(StandardCharsets.UTF_8) : response;
            return new InvocationResult<>(requestId, cold, body, error, report, buffer.text(), outputType);
        } finally {
            sink.end();
        }
    }

    SimulatedContext context(
            ExecutionEnvironment env,
            Invocation invocation,
            String requestId,
            long startNanos,
            long startEpochMillis,
            String traceId) {
        String arn = config.functionArn() + (invocation.qualifier() != null ? ":" + invocation.qualifier() : "");
        return new SimulatedContext(
                requestId,
                config.functionName(),
                config.version(),
                arn,
                ReservedVariables.logGroupName(config),
                env.logStreamName,
                config.memoryMb(),
                startNanos + timeoutNanos,
                startEpochMillis + timeoutNanos / 1_000_000L,
                invocation.identity(),
                invocation.clientContext(),
                env.logger(),
                traceId,
                invocation.tenantId());
    }

    private LambdaError timeout(String requestId) {
        return LambdaLines.timeoutError(
                requestId,
                config.timeout(),
                "the handler ran past the function's timeout of "
                        + config.timeout().toSeconds() + " s; it was "
                        + "interrupted and the environment's runtime reset, so the next invocation is cold");
    }

    /**
     * A timeout whose handler could not be ended: said loudly, in the log and in the error, since it keeps a core
     * busy for the rest of the JVM.
     */
    private LambdaError runawayReported(LambdaError error, StackTraceElement[] stack, LogSink sink) {
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < Math.min(stack.length, 12); i++) {
            where.append("\n\tat ").append(stack[i]);
        }
        int java = Runtime.version().feature();
        String why = java >= 20
                ? "Java " + java + " cannot stop a thread"
                : "the thread did not stop (one blocked on a lock cannot be)";
        String warning = "LAMBDAKIT WARNING: the handler of " + config.functionName() + " ignored the interrupt "
                + "at its timeout, and " + why
                + ": it keeps running in this JVM until it returns. Run such a function in the forked runtime "
                + "(ForkedFunction), whose process ends with it. It was at:" + where;
        sink.log(warning + "\n");
        String hint = (error.hint() == null ? "" : error.hint() + ". ") + warning;
        return new LambdaError(
                error.errorMessage(),
                error.errorType(),
                error.stackTrace(),
                error.phase(),
                error.functionErrorType(),
                error.cause(),
                hint);
    }

    private static LambdaError initError(Throwable failure) {
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
                HandlerFaults.messageOf(failure),
                failure.getClass().getName(),
                List.of(),
                LambdaError.Phase.INIT,
                "Runtime.BadFunctionCode",
                failure,
                null);
    }

    private static String initReport(double millis, String status, String errorType) {
        return String.format(Locale.ROOT, "INIT_REPORT Init Duration: %.2f ms\tPhase: init\tStatus: %s", millis, status)
                + (errorType == null ? "" : "\tError Type: " + errorType) + "\n";
    }

    private int memoryUsedMb() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return (int) Math.min(config.memoryMb(), (used + (1 << 20) - 1) >> 20);
    }

    static byte[] toPayload(Object event) {
        byte[] bytes;
        if (event == null) {
            bytes = "null".getBytes(StandardCharsets.US_ASCII);
        } else if (event instanceof byte[] raw) {
            bytes = raw.clone();
        } else if (event instanceof CharSequence text) {
            bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        } else if (event instanceof InputStream in) {
            try {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalArgumentException("Could not read the event stream: " + e.getMessage(), e);
            }
        } else {
            try {
                bytes = EventJson.toJson(event);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "Could not serialize the event of type "
                                + event.getClass().getName() + " to JSON the way the Lambda runtime would: " + e,
                        e);
            }
        }
        if (bytes.length > MAX_REQUEST_BYTES) {
            throw new IllegalArgumentException("Request must be smaller than " + MAX_REQUEST_BYTES
                    + " bytes for the InvokeFunction operation (the event is " + bytes.length + " bytes)");
        }
        return bytes;
    }
}

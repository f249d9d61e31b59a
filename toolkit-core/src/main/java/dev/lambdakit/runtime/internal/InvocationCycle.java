package dev.lambdakit.runtime.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.lambdakit.events.EventJson;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.Invocation;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaError;
import dev.lambdakit.runtime.Report;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * One invocation's course, the same for every {@link FunctionRuntime}: the payload rules and limits, the request and
 * trace ids, init when cold (retried once inside the invocation after an init timeout, as Lambda does), the deadline,
 * the platform's INIT_START / INIT_REPORT / START / END / REPORT lines, the timeout and size errors, and the report.
 */
@API(status = INTERNAL, since = "0.1")
public final class InvocationCycle {

    /** Lambda's synchronous payload limit, request and response (6 MB plus the runtime's 100 bytes of slack). */
    static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024 + 100;

    static final int MAX_REQUEST_BYTES = 6 * 1024 * 1024;

    private final FunctionConfig config;
    private final Ids ids;
    private final long timeoutNanos;

    public InvocationCycle(FunctionConfig config, Ids ids) {
        this.config = config;
        this.ids = ids;
        this.timeoutNanos = config.timeout().toNanos();
    }

    public <T> InvocationResult<T> invoke(FunctionRuntime runtime, Invocation invocation, Class<T> outputType)
            throws InterruptedException {
        byte[] payload = toPayload(invocation.event());
        String requestId = ids.uuid();
        String traceId =
                invocation.traceId() != null ? invocation.traceId() : ids.traceId(System.currentTimeMillis() / 1000);
        LogSink sink = runtime.log();
        LogSink.Buffer buffer = sink.begin();
        boolean cold = !runtime.isInitialized();
        OptionalDouble initMillis = OptionalDouble.empty();
        OptionalDouble restoreMillis = OptionalDouble.empty();
        LambdaError error = null;
        byte[] response = null;
        long allocated = -1;
        long start = System.nanoTime();
        try {
            if (cold) {
                sink.log(LambdaLines.initStart(config));
                FunctionRuntime.Init init =
                        runtime.init(System.nanoTime() + config.initTimeout().toNanos());
                initMillis = OptionalDouble.of(init.durationMillis());
                if (init.restored()) {
                    // Lambda initialized this version when it was published: the REPORT shows the restore instead.
                    platformLine(sink, initReport(init.durationMillis(), "success", null));
                    platformLine(sink, LambdaLines.initStart(config).replace("INIT_START", "RESTORE_START"));
                    platformLine(
                            sink,
                            String.format(
                                    Locale.ROOT, "RESTORE_REPORT Restore Duration: %.2f ms\n", init.restoreMillis()));
                    initMillis = OptionalDouble.empty();
                    restoreMillis = OptionalDouble.of(init.restoreMillis());
                }
                start = System.nanoTime();
                if (init.status() == FunctionRuntime.Init.Status.TIMED_OUT) {
                    platformLine(sink, initReport(init.durationMillis(), "timeout", null));
                    // Lambda retries a timed-out init inside the invocation, bounded by the function's timeout.
                    FunctionRuntime.Init retry = runtime.init(start + timeoutNanos);
                    if (retry.status() == FunctionRuntime.Init.Status.TIMED_OUT) {
                        error = LambdaLines.timeoutError(requestId, config.timeout(), runtime.timeoutHint());
                    } else if (retry.status() == FunctionRuntime.Init.Status.FAILED) {
                        error = retry.error();
                        logError(runtime, error);
                    }
                } else if (init.status() == FunctionRuntime.Init.Status.FAILED) {
                    error = init.error();
                    logError(runtime, error);
                    platformLine(sink, initReport(init.durationMillis(), "error", error.functionErrorType()));
                }
            }
            platformLine(sink, "START RequestId: " + requestId + " Version: " + config.version() + "\n");
            if (error == null) {
                String arn =
                        config.functionArn() + (invocation.qualifier() != null ? ":" + invocation.qualifier() : "");
                long startEpochMillis = System.currentTimeMillis() - (System.nanoTime() - start) / 1_000_000L;
                FunctionRuntime.Request request = new FunctionRuntime.Request(
                        requestId,
                        payload,
                        arn,
                        traceId,
                        startEpochMillis + timeoutNanos / 1_000_000L,
                        invocation.clientContext(),
                        invocation.identity(),
                        invocation.tenantId());
                FunctionRuntime.Run run = runtime.run(request, start + timeoutNanos);
                if (run.timedOut()) {
                    runtime.reset();
                    error = LambdaLines.timeoutError(requestId, config.timeout(), runtime.timeoutHint());
                } else if (run.error() != null) {
                    error = run.error();
                    logError(runtime, error);
                } else {
                    response = run.response();
                    allocated = run.allocatedBytes();
                    if (response.length > MAX_PAYLOAD_BYTES) {
                        error = tooLarge(); // the platform's refusal, not the handler's error: nothing to log
                    }
                }
            }
            StackTraceElement[] runaway = runtime.takeRunaway();
            if (runaway != null && error != null) {
                error = runawayReported(error, runaway, sink);
            }
            if (error != null && error.phase() == LambdaError.Phase.TIMEOUT) {
                platformLine(sink, error.errorMessage() + "\n");
            }
            double durationMillis = (System.nanoTime() - start) / 1e6;
            platformLine(sink, "END RequestId: " + requestId + "\n");
            Report report = new Report(
                    requestId,
                    durationMillis,
                    initMillis,
                    config.memoryMb(),
                    runtime.memoryUsedMb(),
                    allocated,
                    config.architecture(),
                    restoreMillis);
            platformLine(sink, report.toLogLine() + "\n");
            byte[] body = error != null ? error.toJson().getBytes(StandardCharsets.UTF_8) : response;
            return InvocationResult.of(requestId, cold, body, error, report, buffer.text(), outputType);
        } finally {
            sink.end();
        }
    }

    /** The platform's lines start a line of their own, whatever the function's output left open. */
    private static void platformLine(LogSink sink, String line) {
        sink.endLine();
        sink.log(line);
    }

    /** The runtime client's log lines for an error, where the runtime does not write them itself. */
    private static void logError(FunctionRuntime runtime, LambdaError error) {
        if (!runtime.logsErrors() && error.phase() != LambdaError.Phase.TIMEOUT) {
            platformLine(runtime.log(), Errors.logText(error));
        }
    }

    private static LambdaError tooLarge() {
        return new LambdaError(
                "Response payload size exceeded maximum allowed payload size (" + MAX_PAYLOAD_BYTES + " bytes).",
                "Function.ResponseSizeTooLarge",
                List.of(),
                LambdaError.Phase.INVOKE,
                "Function.ResponseSizeTooLarge",
                null,
                null);
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
        int feature = Runtime.version().feature();
        String why = feature >= 20
                ? "Java " + feature + " cannot stop a thread"
                : "the thread did not stop (one blocked on a lock cannot be)";
        String warning = "LAMBDAKIT WARNING: the handler of " + config.functionName() + " ignored the interrupt "
                + "at its timeout, and " + why
                + ": it keeps running in this JVM until it returns. Run such a function with Execution.FORKED, "
                + "whose process ends with it. It was at:" + where;
        platformLine(sink, warning + "\n");
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

    private static String initReport(double millis, String status, String errorType) {
        return String.format(Locale.ROOT, "INIT_REPORT Init Duration: %.2f ms\tPhase: init\tStatus: %s", millis, status)
                + (errorType == null ? "" : "\tError Type: " + errorType) + "\n";
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
                bytes = EventJson.toEventJson(event);
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

package dev.lambdakit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.events.EventJson;
import dev.lambdakit.runtime.internal.LogSink;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What one invocation returned: the response payload or a {@link LambdaError}, the {@link Report}, the captured log,
 * the request id and whether it was a cold start.
 *
 * <pre>{@code
 * InvocationResult<APIGatewayV2HTTPResponse> result = function.invoke(event, APIGatewayV2HTTPResponse.class);
 * if (result.isSuccess()) {
 *     int status = result.output().getStatusCode();
 * }
 * }</pre>
 *
 * @param <T> the type the payload is read as
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class InvocationResult<T> {

    private final String requestId;
    private final boolean coldStart;
    private final byte[] payload;
    private final LambdaError error;
    private final Report report;
    private final String logText;
    private List<String> logLines;
    private final Type outputType;
    private T output;
    private boolean outputRead;

    InvocationResult(
            String requestId,
            boolean coldStart,
            byte[] payload,
            LambdaError error,
            Report report,
            String logText,
            Type outputType) {
        this.requestId = requestId;
        this.coldStart = coldStart;
        this.payload = payload;
        this.error = error;
        this.report = report;
        this.logText = logText;
        this.outputType = outputType;
    }

    /**
     * A result made outside the in-process runtime (a forked runtime, a remote service).
     *
     * @param log the invocation's log, lines ending in newlines
     */
    @API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
    public static <T> InvocationResult<T> of(
            String requestId,
            boolean coldStart,
            byte[] payload,
            LambdaError error,
            Report report,
            String log,
            Class<T> outputType) {
        return new InvocationResult<>(requestId, coldStart, payload, error, report, log, outputType);
    }

    public String requestId() {
        return requestId;
    }

    /** Whether this invocation ran in a new execution environment (its report then has an init duration). */
    public boolean isColdStart() {
        return coldStart;
    }

    public boolean isSuccess() {
        return error == null;
    }

    public Optional<LambdaError> error() {
        return Optional.ofNullable(error);
    }

    /** The response payload as a caller receives it: the serialized output, or the error JSON. */
    public byte[] payload() {
        return payload.clone();
    }

    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /**
     * The payload read back as the requested type, through the runtime's serializer: what a Java caller of the
     * function would get.
     *
     * @throws IllegalStateException when the invocation failed, with the error's account
     */
    @SuppressWarnings("unchecked")
    public synchronized T output() {
        if (error != null) {
            throw new IllegalStateException(
                    "The invocation " + requestId + " failed, so it has no output:\n" + error.describe(5));
        }
        if (!outputRead) {
            output = outputType == byte[].class ? (T) payload() : (T) EventJson.fromJson(payload, outputType);
            outputRead = true;
        }
        return output;
    }

    /** The payload read as another type. */
    public <U> U outputAs(Class<U> type) {
        output();
        return EventJson.fromJson(payloadAsString(), type);
    }

    public Report report() {
        return report;
    }

    /** The invocation's log lines: START, what the handler logged or printed, END and REPORT. */
    public synchronized List<String> logLines() {
        if (logLines == null) {
            logLines = List.copyOf(LogSink.Buffer.lines(logText));
        }
        return logLines;
    }

    /** The log as one text, lines ending in a newline. */
    public String log() {
        return logText;
    }

    @Override
    public String toString() {
        return "InvocationResult[" + requestId + (coldStart ? ", cold" : ", warm") + ", "
                + (error == null ? "success, payload=" + abbreviate(payloadAsString()) : "error=" + error.toJson())
                + "]";
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}

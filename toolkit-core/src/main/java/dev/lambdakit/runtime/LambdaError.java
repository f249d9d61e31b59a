package dev.lambdakit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.events.internal.JsonText;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A failed invocation as Lambda reports it: the error payload's {@code errorMessage}, {@code errorType} and
 * {@code stackTrace}, the function error type the runtime reported ({@code Runtime.UserException}, ...), and where
 * it happened.
 *
 * <pre>{@code
 * LambdaError error = result.error().orElseThrow();
 * assert error.phase() == LambdaError.Phase.INVOKE;
 * assert error.errorType().equals("java.lang.IllegalArgumentException");
 * }</pre>
 *
 * @param errorMessage      the payload's {@code errorMessage}
 * @param errorType         the payload's {@code errorType}; null where Lambda sends none (timeouts, some handler
 *                          faults)
 * @param stackTrace        the payload's {@code stackTrace}, the runtime's frames removed; empty where none is sent
 * @param phase             where it failed
 * @param functionErrorType the runtime's classification: {@code Runtime.UserException} (the handler threw),
 *                          {@code Runtime.BadFunctionCode} (the handler could not be loaded or initialised),
 *                          {@code Sandbox.Timedout} (the deadline passed)
 * @param cause             the exception behind it, kept in process for diagnosis (never serialized); may be null
 * @param hint              LambdaKit's advice on fixing a handler fault; may be null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LambdaError(
        String errorMessage,
        String errorType,
        List<String> stackTrace,
        Phase phase,
        String functionErrorType,
        Throwable cause,
        String hint) {

    /** Where an invocation failed. */
    public enum Phase {
        /** Loading or initialising the handler (static initialisers, constructor): an init error. */
        INIT,
        /** The handler ran and threw, or could not be called. */
        INVOKE,
        /** The function's timeout passed. */
        TIMEOUT,
        /** The runtime process exited (forked runtimes only). */
        RUNTIME_EXIT
    }

    public LambdaError {
        stackTrace = stackTrace == null ? List.of() : List.copyOf(stackTrace);
    }

    /** LambdaKit's advice, if any. */
    public Optional<String> hintText() {
        return Optional.ofNullable(hint);
    }

    /** The error payload exactly as Lambda returns it to a synchronous caller. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\"errorMessage\":").append(JsonText.quote(errorMessage));
        if (errorType != null) {
            sb.append(",\"errorType\":").append(JsonText.quote(errorType));
        }
        if ("Runtime.UserException".equals(functionErrorType)) {
            sb.append(",\"stackTrace\":[");
            for (int i = 0; i < stackTrace.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(JsonText.quote(stackTrace.get(i)));
            }
            sb.append(']');
        }
        return sb.append('}').toString();
    }

    /** A readable multi-line account: type, message, phase and the first frames. */
    public String describe(int maxFrames) {
        StringBuilder sb = new StringBuilder();
        sb.append(errorType != null ? errorType : functionErrorType)
                .append(": ")
                .append(errorMessage)
                .append("\n  (")
                .append(phase.name().toLowerCase())
                .append(" error, ")
                .append(functionErrorType)
                .append(')');
        int n = Math.min(maxFrames, stackTrace.size());
        for (int i = 0; i < n; i++) {
            sb.append("\n    at ").append(stackTrace.get(i));
        }
        if (stackTrace.size() > n) {
            sb.append("\n    ... ").append(stackTrace.size() - n).append(" more");
        }
        if (hint != null) {
            sb.append("\n  hint: ").append(hint);
        }
        return sb.toString();
    }
}

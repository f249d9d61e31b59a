package dev.lambdakit.function;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A handler that cannot be loaded or run, described as the Java runtime reports it.
 *
 * <p>{@linkplain #fatal() Fatal} faults (a throwing static initialiser or constructor) are init errors: the runtime
 * posts them to {@code /runtime/init/error} and exits. The others (class not found, no suitable method) let the
 * runtime start and fail every invocation with {@code Runtime.BadFunctionCode}.
 */
@API(status = INTERNAL, since = "0.1")
public final class HandlerFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorType;
    private final List<String> stackTrace;
    private final boolean fatal;
    private final String hint;

    HandlerFault(
            String errorMessage,
            String errorType,
            List<String> stackTrace,
            boolean fatal,
            String hint,
            Throwable cause) {
        super(errorMessage, cause, false, false);
        this.errorType = errorType;
        this.stackTrace = stackTrace == null ? List.of() : List.copyOf(stackTrace);
        this.fatal = fatal;
        this.hint = hint;
    }

    /** {@code errorMessage} of the runtime's error payload. */
    public String errorMessage() {
        return getMessage();
    }

    /** {@code errorType} of the payload; null where the runtime sends none. */
    public String errorType() {
        return errorType;
    }

    public List<String> stackTrace() {
        return stackTrace;
    }

    /** Whether the runtime reports this as an init error and exits. */
    public boolean fatal() {
        return fatal;
    }

    /** LambdaKit's own advice on fixing it (never part of the runtime's payload); may be null. */
    public String hint() {
        return hint;
    }
}

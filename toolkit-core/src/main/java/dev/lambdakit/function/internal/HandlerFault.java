package dev.lambdakit.function.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A handler that cannot be loaded or run, described as the Java runtime reports it.
 *
 * <p>Thrown while loading, a fault is an init error (a throwing static initialiser or constructor): the runtime posts
 * it to {@code /runtime/init/error} and exits. Returned by the resolver inside a handler that always fails (class not
 * found, no suitable method), it lets the runtime start and fails every invocation with
 * {@code Runtime.BadFunctionCode}.
 */
@API(status = INTERNAL, since = "0.1")
public final class HandlerFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorType;
    private final List<String> stackTrace;
    private final String hint;

    HandlerFault(String errorMessage, String errorType, List<String> stackTrace, String hint, Throwable cause) {
        super(errorMessage, cause, false, false);
        this.errorType = errorType;
        this.stackTrace = stackTrace == null ? List.of() : List.copyOf(stackTrace);
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

    /** LambdaKit's own advice on fixing it (never part of the runtime's payload); may be null. */
    public String hint() {
        return hint;
    }
}

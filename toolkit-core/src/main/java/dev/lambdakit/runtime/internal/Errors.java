package dev.lambdakit.runtime.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.lambdakit.function.internal.HandlerFault;
import dev.lambdakit.function.internal.UserFrames;
import dev.lambdakit.runtime.LambdaError;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a handler threw, as the official runtime client reports it: the error document (message, type, the frames
 * up to where the runtime called the handler) and the lines it writes to the function's log.
 *
 * <pre>{@code
 * LambdaError error = Errors.fromInvocation(thrown);
 * logger.log(Errors.logText(error));
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class Errors {

    private Errors() {}

    /** The error of an invocation whose handler threw {@code t}. */
    public static LambdaError fromInvocation(Throwable t) {
        if (t instanceof HandlerFault f) {
            return new LambdaError(
                    f.errorMessage(),
                    f.errorType(),
                    List.of(),
                    LambdaError.Phase.INVOKE,
                    "Runtime.BadFunctionCode",
                    f.getCause(),
                    f.hint());
        }
        UserFrames.filter(t);
        List<String> frames = new ArrayList<>();
        for (StackTraceElement e : t.getStackTrace()) {
            frames.add(e.toString());
        }
        return new LambdaError(
                messageOf(t),
                t.getClass().getName(),
                frames,
                LambdaError.Phase.INVOKE,
                "Runtime.UserException",
                t,
                null);
    }

    /** The runtime's rule for an exception's message: its localized message, or its class name when it has none. */
    static String messageOf(Throwable t) {
        return t.getLocalizedMessage() == null ? t.getClass().getName() : t.getLocalizedMessage();
    }

    /**
     * What the runtime client writes to the function's log for a failed init or invocation: {@code message: type},
     * then the exception as {@link Throwable#printStackTrace()} prints it, cut where the runtime called the handler.
     */
    public static String logText(LambdaError error) {
        if (error.phase() == LambdaError.Phase.TIMEOUT) {
            return error.errorMessage() + "\n";
        }
        StringBuilder sb = new StringBuilder(error.errorMessage());
        if (error.errorType() != null) {
            sb.append(": ").append(error.errorType());
        }
        sb.append('\n');
        Throwable cause = error.cause();
        if (cause != null && !(cause instanceof HandlerFault)) {
            StringWriter trace = new StringWriter();
            UserFrames.filter(cause).printStackTrace(new PrintWriter(trace));
            return sb.append(trace).append('\n').toString();
        }
        for (String frame : error.stackTrace()) {
            sb.append("\tat ").append(frame).append('\n');
        }
        return sb.toString();
    }
}

package dev.lambdakit.runtime;

import dev.lambdakit.function.HandlerFault;
import java.util.ArrayList;
import java.util.List;

/** Turns what a handler threw into the error the Java runtime reports. */
final class Errors {

    private Errors() {}

    static LambdaError fromInvocation(Throwable t) {
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
        List<String> frames = new ArrayList<>();
        for (StackTraceElement e : t.getStackTrace()) {
            frames.add(e.toString());
        }
        return new LambdaError(
                HandlerFaults.messageOf(t),
                t.getClass().getName(),
                frames,
                LambdaError.Phase.INVOKE,
                "Runtime.UserException",
                t,
                null);
    }

    /** What the runtime writes to the function's log for a failed invocation: message, type, frames. */
    static String logText(LambdaError error) {
        StringBuilder sb = new StringBuilder();
        if (error.phase() == LambdaError.Phase.TIMEOUT) {
            return error.errorMessage() + "\n";
        }
        sb.append(error.errorMessage());
        if (error.errorType() != null) {
            sb.append(": ").append(error.errorType());
        }
        sb.append('\n');
        for (String frame : error.stackTrace()) {
            sb.append("\tat ").append(frame).append('\n');
        }
        return sb.toString();
    }
}

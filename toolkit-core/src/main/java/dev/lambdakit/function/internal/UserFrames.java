package dev.lambdakit.function.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Cuts stack traces where LambdaKit's frames begin, as the official runtime client cuts them where its own package
 * begins: what remains is the function's frames and the JDK's reflection frames that called it, the same frames the
 * client reports.
 *
 * <pre>{@code
 * LambdaError error = Errors.fromInvocation(UserFrames.filter(thrown));
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class UserFrames {

    /** The classes a handler is called through, in process and in LambdaKit's bootstrap. */
    private static final List<String> CALLERS = List.of(
            "dev.lambdakit.function.internal.Invokers",
            "dev.lambdakit.function.internal.HandlerResolver",
            "dev.lambdakit.function.internal.ResolvedHandler",
            "dev.lambdakit.runtime.internal.InProcessRuntime",
            "dev.lambdakit.runtime.internal.Worker",
            "dev.lambdakit.process.Bootstrap");

    private UserFrames() {}

    /** Cuts {@code t}'s trace, its causes' and its suppressed exceptions' at the first LambdaKit frame; returns it. */
    public static <T extends Throwable> T filter(T t) {
        filter(t, new HashSet<>());
        return t;
    }

    private static void filter(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        StackTraceElement[] trace = t.getStackTrace();
        for (int i = 0; i < trace.length; i++) {
            if (isCaller(trace[i].getClassName())) {
                t.setStackTrace(Arrays.copyOf(trace, i));
                break;
            }
        }
        filter(t.getCause(), seen);
        for (Throwable s : t.getSuppressed()) {
            filter(s, seen);
        }
    }

    private static boolean isCaller(String className) {
        for (String caller : CALLERS) {
            if (className.equals(caller) || className.startsWith(caller + "$")) {
                return true;
            }
        }
        return false;
    }
}

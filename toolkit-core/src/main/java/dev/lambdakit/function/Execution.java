package dev.lambdakit.function;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Where a function's handler runs. Every choice goes through the same invocation cycle (payload limits, ids, the
 * INIT_START / START / END / REPORT lines, timeout and error shapes), so a test passes or fails alike under each; they
 * differ in how much of the real process they reproduce and in what that costs.
 *
 * <pre>{@code
 * FunctionConfig config = FunctionConfig.builder()
 *         .handler("com.acme.Orders::create")
 *         .execution(Execution.FORKED)
 *         .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Execution {
    /**
     * In the test's JVM, on a runtime thread with its own environment variables and class loader: the default, the
     * fastest, and the one a debugger stops in.
     */
    IN_PROCESS,
    /**
     * In a child JVM under the official AWS runtime interface client, talking to a local Runtime API: a real
     * process environment, heap sized from the memory setting, and a timeout that kills the process. Needs
     * {@code com.amazonaws:aws-lambda-java-runtime-interface-client} on the test class path and Linux (its native
     * code); without them invocations fail with a message that says so.
     */
    FORKED,
    /**
     * In a child JVM under LambdaKit's pure-Java bootstrap instead of the official client: for macOS and Windows,
     * or when the client's artifact is not wanted.
     */
    FORKED_BOOTSTRAP;

    /** Whether the handler runs in a child process. */
    public boolean isForked() {
        return this != IN_PROCESS;
    }
}

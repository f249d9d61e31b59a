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
     * In the test's JVM as {@link #IN_PROCESS}, but each execution environment defines the function's libraries (every
     * jar but the JDK, the Lambda Java interfaces and events, test frameworks and LambdaKit) anew, not only the
     * project's classes: a cold start resets library static state (a logging set-up read from the environment,
     * Powertools' cold-start flag) as a fresh JVM does. Each cold start loads those libraries again, a few hundred
     * milliseconds for an AWS SDK client, still several times less than a forked JVM's start.
     */
    IN_PROCESS_ISOLATED,
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
    FORKED_BOOTSTRAP,
    /**
     * In a Lambda-like container under the official runtime interface client: the function's memory size as the
     * container's memory limit (exceeding it is a real out-of-memory kill), its code read-only under
     * {@code /var/task}, {@code /tmp} the only writable place (512 MB), the function's environment only, and no
     * network but the Runtime API and the test's AWS endpoints. The image is {@code lambdakit.container.image}, by
     * default AWS's {@code public.ecr.aws/lambda/java:<version>} for the function's runtime. Needs a local Docker
     * engine and {@code org.testcontainers:testcontainers} on the test class path.
     */
    CONTAINER;

    /** Whether the handler runs outside the test's JVM: in a child process or a container. */
    public boolean isForked() {
        return this != IN_PROCESS && this != IN_PROCESS_ISOLATED;
    }
}

package dev.lambdakit.runtime.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import dev.lambdakit.env.TemporaryCredentials;
import dev.lambdakit.function.Execution;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.LambdaError;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The runtime of one execution environment, as the invocation cycle ({@link InvocationCycle}) drives it: it only
 * initialises the handler within a deadline and runs one event within a deadline. Everything Lambda's platform does
 * around that (payload rules, ids, log lines, timeout and error shapes, the report) is the cycle's, so the runtimes
 * cannot drift apart. One implementation runs the handler on a thread of this JVM, the other in a child JVM behind a
 * local Runtime API.
 *
 * <pre>{@code
 * FunctionRuntime runtime = provider.create(config, identity);
 * FunctionRuntime.Init init = runtime.init(System.nanoTime() + config.initTimeout().toNanos());
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public interface FunctionRuntime extends AutoCloseable {

    /** Where the function's output and LambdaKit's lines for the current invocation are kept. */
    LogSink log();

    /** Whether the handler is loaded and the next invocation is warm. */
    boolean isInitialized();

    /** Starts the runtime and loads the handler, by {@code deadlineNanos} ({@link System#nanoTime()} based). */
    Init init(long deadlineNanos) throws InterruptedException;

    /** Runs one event; {@link Run#timedOut()} when the deadline passed first. */
    Run run(Request request, long deadlineNanos) throws InterruptedException;

    /** Ends the runtime after a timeout: the environment stays, and the next invocation initialises again. */
    void reset();

    /** The memory the runtime has used at its peak, in MB, at most the configured size. */
    int memoryUsedMb();

    /** What LambdaKit adds to a timeout error about this runtime (how the handler was stopped). */
    String timeoutHint();

    /**
     * Whether the runtime writes a failed invocation's error to the log itself, as the official runtime client does;
     * when not, the cycle writes it in the client's format.
     */
    boolean logsErrors();

    /** The stack of a handler that ignored its timeout and could not be ended, once; null when there is none. */
    default StackTraceElement[] takeRunaway() {
        return null;
    }

    @Override
    void close();

    /** One event for the runtime, with everything the Runtime API's {@code /next} sends with it. */
    record Request(
            String requestId,
            byte[] payload,
            String invokedFunctionArn,
            String traceId,
            long deadlineEpochMillis,
            ClientContext clientContext,
            CognitoIdentity identity,
            String tenantId) {}

    /** What an init attempt came to. */
    record Init(Status status, LambdaError error, double durationMillis, double restoreMillis) {

        public Init(Status status, LambdaError error, double durationMillis) {
            this(status, error, durationMillis, -1);
        }

        /** Whether the environment restored from a SnapStart snapshot after its init. */
        public boolean restored() {
            return restoreMillis >= 0;
        }

        /** How an init attempt ended. */
        public enum Status {
            SUCCESS,
            FAILED,
            TIMED_OUT
        }
    }

    /** What one event came to: a response, an error, or a timeout. */
    record Run(byte[] response, LambdaError error, boolean timedOut, long allocatedBytes) {

        public static Run response(byte[] response, long allocatedBytes) {
            return new Run(response, null, false, allocatedBytes);
        }

        public static Run failed(LambdaError error) {
            return new Run(null, error, false, -1);
        }

        public static Run timeout() {
            return new Run(null, null, true, -1);
        }
    }

    /** The identity of one execution environment, whatever runs it: id, log stream, credentials, variables. */
    record Environment(
            String id, String logStreamName, TemporaryCredentials credentials, Map<String, String> variables) {}

    /** Makes the runtimes for one kind of {@link Execution}; found with {@link java.util.ServiceLoader}. */
    interface Provider {

        /** Whether this provider runs functions configured with {@code execution}. */
        boolean supports(Execution execution);

        /** A runtime for one execution environment; nothing starts before {@link FunctionRuntime#init}. */
        FunctionRuntime create(FunctionConfig config, Environment environment);
    }
}

package dev.lambdakit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import org.apiguardian.api.API;

/**
 * The {@link Context} a simulated invocation receives, as the Java runtime builds it: request id, function identity,
 * log group and stream, memory limit, a deadline that counts down, identity and client context when the caller sent
 * them, and a logger captured per invocation.
 *
 * <pre>{@code
 * Context context = function.newContext();
 * assertThat(context.getRemainingTimeInMillis()).isLessThanOrEqualTo(3000);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SimulatedContext implements Context {

    private final String requestId;
    private final String functionName;
    private final String functionVersion;
    private final String invokedFunctionArn;
    private final String logGroupName;
    private final String logStreamName;
    private final int memoryLimitMb;
    private final long deadlineNanos;
    private final long deadlineEpochMillis;
    private final CognitoIdentity identity;
    private final ClientContext clientContext;
    private final LambdaLogger logger;
    private final String traceId;
    private final String tenantId;

    /** Every field as the runtime fills it; LambdaKit builds contexts through its invocation cycle. */
    @API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
    public SimulatedContext(
            String requestId,
            String functionName,
            String functionVersion,
            String invokedFunctionArn,
            String logGroupName,
            String logStreamName,
            int memoryLimitMb,
            long deadlineNanos,
            long deadlineEpochMillis,
            CognitoIdentity identity,
            ClientContext clientContext,
            LambdaLogger logger,
            String traceId,
            String tenantId) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.functionVersion = functionVersion;
        this.invokedFunctionArn = invokedFunctionArn;
        this.logGroupName = logGroupName;
        this.logStreamName = logStreamName;
        this.memoryLimitMb = memoryLimitMb;
        this.deadlineNanos = deadlineNanos;
        this.deadlineEpochMillis = deadlineEpochMillis;
        this.identity = identity;
        this.clientContext = clientContext;
        this.logger = logger;
        this.traceId = traceId;
        this.tenantId = tenantId;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return logGroupName;
    }

    @Override
    public String getLogStreamName() {
        return logStreamName;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return functionVersion;
    }

    @Override
    public String getInvokedFunctionArn() {
        return invokedFunctionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return identity;
    }

    @Override
    public ClientContext getClientContext() {
        return clientContext;
    }

    /** Milliseconds until the deadline, never negative, read from a monotonic clock. */
    @Override
    public int getRemainingTimeInMillis() {
        long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000L;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    @Override
    public String getTenantId() {
        return tenantId;
    }

    @Override
    public String getXrayTraceId() {
        return traceId;
    }

    /** The deadline as epoch milliseconds, as the Runtime API's {@code Lambda-Runtime-Deadline-Ms} carries it. */
    public long deadlineEpochMillis() {
        return deadlineEpochMillis;
    }

    @Override
    public String toString() {
        return "SimulatedContext[requestId=" + requestId + ", function=" + invokedFunctionArn + ", remaining="
                + getRemainingTimeInMillis() + " ms]";
    }
}

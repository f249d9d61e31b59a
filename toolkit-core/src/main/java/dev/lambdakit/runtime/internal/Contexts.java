package dev.lambdakit.runtime.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.lambdakit.env.internal.ReservedVariables;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.SimulatedContext;
import org.apiguardian.api.API;

/**
 * The {@code Context} an invocation receives, from the function's configuration and the request the cycle made.
 *
 * <pre>{@code
 * SimulatedContext context = Contexts.of(config, logStream, request, deadlineNanos, logger);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class Contexts {

    private Contexts() {}

    /** The context an invocation of {@code request} receives in an environment writing to {@code logStream}. */
    public static SimulatedContext of(
            FunctionConfig config,
            String logStream,
            FunctionRuntime.Request request,
            long deadlineNanos,
            LambdaLogger logger) {
        return new SimulatedContext(
                request.requestId(),
                config.functionName(),
                config.version(),
                request.invokedFunctionArn(),
                ReservedVariables.logGroupName(config),
                logStream,
                config.memoryMb(),
                deadlineNanos,
                request.deadlineEpochMillis(),
                request.identity(),
                request.clientContext(),
                logger,
                request.traceId(),
                request.tenantId());
    }
}

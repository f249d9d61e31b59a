package dev.lambdakit.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.lambdakit.function.Execution;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.internal.FunctionRuntime;
import org.apiguardian.api.API;

/**
 * Makes the runtimes for {@link Execution#FORKED} and {@link Execution#FORKED_BOOTSTRAP}; registered in
 * {@code META-INF/services} so that the {@code runtime} package, which drives every runtime, does not depend on this
 * one.
 *
 * <pre>{@code
 * ServiceLoader.load(FunctionRuntime.Provider.class); // finds this provider
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ForkedRuntimeProvider implements FunctionRuntime.Provider {

    @Override
    public boolean supports(Execution execution) {
        return execution.isForked();
    }

    @Override
    public FunctionRuntime create(FunctionConfig config, FunctionRuntime.Environment environment) {
        return new ForkedRuntime(config, environment);
    }
}

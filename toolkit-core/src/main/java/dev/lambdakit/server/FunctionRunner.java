package dev.lambdakit.server;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.Invocation;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import org.apiguardian.api.API;

/**
 * One execution environment of a {@link LambdaService} function: in process ({@link #inProcess(FunctionConfig)}, the
 * default) or a forked JVM ({@code ForkedFunction::create}).
 *
 * <pre>{@code
 * LambdaService.builder().function(config, 2, ForkedFunction::create).start();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface FunctionRunner extends AutoCloseable {

    /** Invokes synchronously, returning the payload as plain JSON values. */
    InvocationResult<Object> invoke(Invocation invocation);

    @Override
    void close();

    /** An environment in this JVM: a {@link LambdaFunction}. */
    static FunctionRunner inProcess(FunctionConfig config) {
        LambdaFunction function = LambdaFunction.create(config);
        return new FunctionRunner() {
            @Override
            public InvocationResult<Object> invoke(Invocation invocation) {
                return function.invoke(invocation, Object.class);
            }

            @Override
            public void close() {
                function.close();
            }
        };
    }
}

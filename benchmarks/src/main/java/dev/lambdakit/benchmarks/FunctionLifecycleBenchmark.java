package dev.lambdakit.benchmarks;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** What one {@code @LambdaTest} costs LambdaKit: create a function, one cold invocation, close. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dlambdakit.console=none")
@State(Scope.Benchmark)
public class FunctionLifecycleBenchmark {

    private final FunctionConfig config = FunctionConfig.builder()
            .handler(WarmInvocationBenchmark.Echo.class.getName())
            .build();

    /**
     * The floor under one environment's life here: starting and joining the thread an environment runs its handler
     * on, and nothing else.
     */
    @Benchmark
    public Thread threadStartJoin() throws InterruptedException {
        Thread thread = new Thread(() -> {});
        thread.start();
        thread.join();
        return thread;
    }

    @Benchmark
    public InvocationResult<Object> createInvokeClose() {
        try (LambdaFunction fn = LambdaFunction.create(config)) {
            return fn.invoke("\"hello\"");
        }
    }
}

package dev.lambdakit.benchmarks;

import dev.lambdakit.function.Execution;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole-process timing of Execution.CONTAINER beside Execution.FORKED, in one run, alternating: cold start (create
 * to first response) and warm invokes (the median of each function's warm calls). Needs a Docker engine and the
 * image in {@code lambdakit.container.image}.
 *
 * <pre>{@code java -Dlambdakit.container.image=lambdakit/jdk:17 -cp benchmarks/target/benchmarks.jar \
 *     dev.lambdakit.benchmarks.ContainerRuntime 5}</pre>
 */
public final class ContainerRuntime {

    private static final int WARM_CALLS = 50;

    private ContainerRuntime() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.setProperty("lambdakit.console", "none");
        double[][] forked = new double[2][runs];
        double[][] container = new double[2][runs];
        for (int i = 0; i < runs; i++) {
            measure(Execution.FORKED, forked, i);
            measure(Execution.CONTAINER, container, i);
        }
        report("forked, cold start to first response", forked[0]);
        report("container, cold start to first response", container[0]);
        report("forked, warm invoke (median of " + WARM_CALLS + ")", forked[1]);
        report("container, warm invoke (median of " + WARM_CALLS + ")", container[1]);
        System.out.printf(
                "CONTAINER ratio container/forked: cold %.2f, warm %.2f%n",
                median(container[0]) / median(forked[0]), median(container[1]) / median(forked[1]));
        System.exit(0);
    }

    private static void measure(Execution execution, double[][] out, int run) {
        long t = System.nanoTime();
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(WarmInvocationBenchmark.Echo.class.getName())
                .memoryMb(512)
                .execution(execution)
                .build())) {
            check(fn.invoke("\"x\""));
            out[0][run] = (System.nanoTime() - t) / 1e6;
            double[] warm = new double[WARM_CALLS];
            for (int i = 0; i < WARM_CALLS; i++) {
                long w = System.nanoTime();
                check(fn.invoke("\"x\""));
                warm[i] = (System.nanoTime() - w) / 1e6;
            }
            out[1][run] = median(warm);
        }
    }

    private static void check(InvocationResult<Object> r) {
        if (!r.isSuccess()) {
            throw new IllegalStateException(r.toString());
        }
    }

    private static void report(String what, double[] millis) {
        List<String> all = new ArrayList<>();
        for (double m : millis) {
            all.add(String.format("%.1f", m));
        }
        System.out.printf("CONTAINER %-45s median %7.1f ms  (runs: %s)%n", what, median(millis), all);
    }

    private static double median(double[] values) {
        return ColdStart.median(values);
    }
}

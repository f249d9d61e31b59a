package dev.lambdakit.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.lambdakit.junit.LambdaAssertions;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.Arrays;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Test-suite scale: 1,000 {@code @LambdaTest} tests (a repeated test: each repetition gets its own function, cold)
 * against 1,000 plain JUnit tests calling the same handler directly, sequential and in JUnit's parallel mode, timed
 * whole through the JUnit Platform several times in one run.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.lambdakit.benchmarks.SuiteScale 5}</pre>
 */
public final class SuiteScale {

    private SuiteScale() {}

    /** 1,000 tests through the simulated runtime. */
    @LambdaTest(handler = "dev.lambdakit.benchmarks.WarmInvocationBenchmark$Echo")
    public static class LambdaKitSuite {
        @RepeatedTest(1000)
        void invoke(LambdaFunction fn) {
            LambdaAssertions.assertThat(fn.invoke("\"hello\"")).succeeded().hasPayload("\"hello\"");
        }
    }

    /** 1,000 tests calling the handler directly. */
    public static class PlainSuite {
        @RepeatedTest(1000)
        void invoke() {
            String out = new WarmInvocationBenchmark.Echo().handleRequest("hello", null);
            if (!"hello".equals(out)) {
                throw new AssertionError(out);
            }
        }
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.setProperty("lambdakit.console", "none");
        String[] names = {"plain, sequential", "plain, parallel", "@LambdaTest, sequential", "@LambdaTest, parallel"};
        double[][] millis = new double[4][runs];
        for (int i = 0; i < runs; i++) {
            millis[0][i] = run(PlainSuite.class, false);
            millis[1][i] = run(PlainSuite.class, true);
            millis[2][i] = run(LambdaKitSuite.class, false);
            millis[3][i] = run(LambdaKitSuite.class, true);
        }
        for (int k = 0; k < 4; k++) {
            System.out.printf(
                    "SUITE %-25s median %8.1f ms  runs %s%n",
                    names[k],
                    median(millis[k]),
                    Arrays.toString(
                            Arrays.stream(millis[k]).mapToLong(Math::round).toArray()));
        }
        System.out.printf(
                "SUITE ratio sequential %.2f, parallel %.2f%n",
                median(millis[2]) / median(millis[0]), median(millis[3]) / median(millis[1]));
        System.exit(0);
    }

    private static double run(Class<?> suite, boolean parallel) {
        long start = System.nanoTime();
        var kit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite));
        if (parallel) {
            kit = kit.configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                    .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent");
        }
        var stats = kit.execute().testEvents();
        double elapsed = (System.nanoTime() - start) / 1e6;
        long succeeded = stats.succeeded().count();
        if (succeeded != 1000) {
            throw new IllegalStateException(suite.getSimpleName() + ": " + succeeded + " of 1000 succeeded");
        }
        return elapsed;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

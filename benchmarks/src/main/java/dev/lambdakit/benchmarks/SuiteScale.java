package dev.lambdakit.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.lambdakit.junit.Event;
import dev.lambdakit.junit.LambdaAssertions;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.Arrays;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.mockito.Mockito;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

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

    /** An SQS handler, as the samples have them. */
    public static class SqsCount implements RequestHandler<SQSEvent, Integer> {
        @Override
        public Integer handleRequest(SQSEvent event, Context context) {
            context.getLogger().log("records: " + event.getRecords().size());
            return event.getRecords().size();
        }
    }

    /** The same handler building an AWS SDK client in its constructor, as most real handlers do. */
    public static class SqsCountWithClient extends SqsCount {
        private final SqsClient sqs =
                SqsClient.builder().region(Region.US_EAST_1).build();

        @Override
        public Integer handleRequest(SQSEvent event, Context context) {
            return sqs == null ? -1 : super.handleRequest(event, context);
        }
    }

    /** 1,000 tests written the way AWS's samples test a handler: EventLoader, a mocked Context, a direct call. */
    public static class SamplesWaySuite {
        @RepeatedTest(1000)
        void invoke() {
            SQSEvent event = EventLoader.loadSQSEvent("bench-events/sqs.json");
            Context context = Mockito.mock(Context.class);
            Mockito.when(context.getLogger()).thenReturn(Mockito.mock(LambdaLogger.class));
            check(new SqsCount().handleRequest(event, context));
        }
    }

    /** The samples' way, with the handler that builds an SDK client. */
    public static class SamplesWayClientSuite {
        @RepeatedTest(1000)
        void invoke() {
            SQSEvent event = EventLoader.loadSQSEvent("bench-events/sqs.json");
            Context context = Mockito.mock(Context.class);
            Mockito.when(context.getLogger()).thenReturn(Mockito.mock(LambdaLogger.class));
            check(new SqsCountWithClient().handleRequest(event, context));
        }
    }

    /** The same tests through @LambdaTest: the event file injected, a fresh function per test. */
    @LambdaTest(handlerClass = SqsCount.class)
    public static class LambdaKitSqsSuite {
        @RepeatedTest(1000)
        void invoke(LambdaFunction fn, @Event("bench-events/sqs.json") SQSEvent event) {
            check((Integer) fn.invoke(event).output());
        }
    }

    /** @LambdaTest with the handler that builds an SDK client. */
    @LambdaTest(handlerClass = SqsCountWithClient.class)
    public static class LambdaKitSqsClientSuite {
        @RepeatedTest(1000)
        void invoke(LambdaFunction fn, @Event("bench-events/sqs.json") SQSEvent event) {
            check((Integer) fn.invoke(event).output());
        }
    }

    private static void check(Integer records) {
        if (records == null || records < 1) {
            throw new AssertionError("records: " + records);
        }
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.setProperty("lambdakit.console", "none");
        String[] names = {"plain, sequential", "plain, parallel", "@LambdaTest, sequential", "@LambdaTest, parallel"};
        double[][] millis = new double[4][runs];
        String[] sqsNames = {
            "samples' way, SQS", "@LambdaTest, SQS", "samples' way, SQS + client", "@LambdaTest, SQS + client"
        };
        Class<?>[] sqsSuites = {
            SamplesWaySuite.class, LambdaKitSqsSuite.class, SamplesWayClientSuite.class, LambdaKitSqsClientSuite.class
        };
        double[][] sqs = new double[8][runs];
        for (int i = 0; i < runs; i++) {
            millis[0][i] = run(PlainSuite.class, false);
            millis[1][i] = run(PlainSuite.class, true);
            millis[2][i] = run(LambdaKitSuite.class, false);
            millis[3][i] = run(LambdaKitSuite.class, true);
            for (int k = 0; k < 4; k++) {
                sqs[k][i] = run(sqsSuites[k], false);
                sqs[k + 4][i] = run(sqsSuites[k], true);
            }
        }
        for (int k = 0; k < 8; k++) {
            System.out.printf(
                    "SUITE %-25s median %8.1f ms  runs %s%n",
                    sqsNames[k % 4] + (k < 4 ? ", sequential" : ", parallel"),
                    median(sqs[k]),
                    Arrays.toString(Arrays.stream(sqs[k]).mapToLong(Math::round).toArray()));
        }
        System.out.printf(
                "SUITE ratio @LambdaTest to the samples' way: SQS sequential %.2f, parallel %.2f; "
                        + "SQS + client sequential %.2f, parallel %.2f%n",
                median(sqs[1]) / median(sqs[0]),
                median(sqs[5]) / median(sqs[4]),
                median(sqs[3]) / median(sqs[2]),
                median(sqs[7]) / median(sqs[6]));
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
            kit.execute().testEvents().failed().stream().limit(1).forEach(e -> System.err.println(e));
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

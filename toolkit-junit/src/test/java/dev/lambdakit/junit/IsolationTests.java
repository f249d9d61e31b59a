package dev.lambdakit.junit;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * 1,000 randomised tests, each with its own variables, credentials and region, run sequentially and in JUnit's
 * parallel mode: no test sees another's values, and afterwards the environment and system properties are as before.
 */
class IsolationTests {

    static final AtomicInteger MISMATCHES = new AtomicInteger();
    /** What pool threads saw that they must never see: another test's values, or the developer's planted key. */
    static final java.util.Queue<String> POOL_LEAKS = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** A library's pool: its threads started before any test, so they inherit no test's scope. */
    static final java.util.concurrent.ThreadPoolExecutor POOL = new java.util.concurrent.ThreadPoolExecutor(
            4, 4, 1, java.util.concurrent.TimeUnit.MINUTES, new java.util.concurrent.LinkedBlockingQueue<>());

    static {
        POOL.prestartAllCoreThreads();
    }

    static final List<String> REGIONS = List.of(
            "us-east-1",
            "us-west-2",
            "eu-west-1",
            "eu-central-1",
            "ap-southeast-2",
            "sa-east-1",
            "ca-central-1",
            "ap-northeast-1");

    @ParameterizedTest(name = "parallel = {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("1,000 randomised tests: zero cross-talk, nothing left behind")
    void thousandTests(boolean parallel) {
        // The JDK records user.timezone on first use of the default time zone: settle that before the snapshot.
        java.util.TimeZone.getDefault();
        Map<String, String> envBefore = new HashMap<>(System.getenv());
        Properties propsBefore = (Properties) System.getProperties().clone();
        MISMATCHES.set(0);
        POOL_LEAKS.clear();

        var kit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(RandomisedTestCase.class));
        if (parallel) {
            kit = kit.configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                    .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent");
        }
        System.setProperty("lambdakit.test.parallel", Boolean.toString(parallel));
        try {
            kit.execute().testEvents().assertStatistics(s -> s.started(1000).succeeded(1000));
        } finally {
            System.clearProperty("lambdakit.test.parallel");
        }

        org.assertj.core.api.Assertions.assertThat(MISMATCHES).hasValue(0);
        org.assertj.core.api.Assertions.assertThat(POOL_LEAKS).isEmpty();
        org.assertj.core.api.Assertions.assertThat(System.getenv()).isEqualTo(envBefore);
        org.assertj.core.api.Assertions.assertThat(System.getProperties()).isEqualTo(propsBefore);
    }

    static class RandomisedTestCase {
        @RepeatedTest(1000)
        void randomised(RepetitionInfo info) throws Exception {
            Random random = new Random(info.getCurrentRepetition());
            String region = REGIONS.get(random.nextInt(REGIONS.size()));
            String table = "table-" + info.getCurrentRepetition() + "-" + random.nextInt(1000);
            try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                            .handler(Greeter.class)
                            .region(region)
                            .env("TABLE", table)
                            .build());
                    var binding = fn.bindEnvironment()) {
                String key = fn.credentials().accessKeyId();
                for (int i = 0; i < 3; i++) {
                    if (!table.equals(System.getenv("TABLE"))
                            || !region.equals(System.getenv("AWS_REGION"))
                            || !key.equals(System.getenv("AWS_ACCESS_KEY_ID"))) {
                        MISMATCHES.incrementAndGet();
                    }
                    Thread.yield();
                }
                // A pool thread sees this test's values (while it is the only function) or none: never another's.
                String[] seen = POOL.submit(
                                () -> new String[] {System.getenv("TABLE"), System.getenv("AWS_ACCESS_KEY_ID")})
                        .get();
                // Each read is this test's value or, in parallel runs, none (another test may open between reads).
                boolean parallel = Boolean.parseBoolean(System.getProperty("lambdakit.test.parallel"));
                boolean tableOk = table.equals(seen[0]) || (parallel && seen[0] == null);
                boolean keyOk = key.equals(seen[1]) || (parallel && seen[1] == null);
                if (!(tableOk && keyOk)) {
                    POOL_LEAKS.add(info.getCurrentRepetition() + ": " + java.util.Arrays.toString(seen));
                }
                var result = fn.invoke("{}");
                assertThat(result)
                        .succeeded()
                        .hasPayload("{\"message\":\"Hello, world\",\"table\":\"" + table + "\",\"region\":\"" + region
                                + "\"}");
            }
        }
    }
}

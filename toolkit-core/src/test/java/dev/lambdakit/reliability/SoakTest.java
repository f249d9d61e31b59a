package dev.lambdakit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.function.HandlerReference;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaError;
import dev.lambdakit.runtime.LambdaFunction;
import dev.lambdakit.testhandlers.Handlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The long run behind one command: {@code mvn -pl toolkit-core -am test -Dtest=SoakTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dlambdakit.soak=PT5M}. Repeats load, fuzzing, faults and isolation
 * until the time is up, then checks that nothing was lost and that threads, open files and heap did not grow.
 */
@EnabledIfSystemProperty(
        named = "lambdakit.soak",
        matches = "P.+",
        disabledReason = "opt-in long run: set -Dlambdakit.soak=PT5M (an ISO-8601 duration) to run it")
class SoakTest {

    @Test
    @DisplayName("load, fuzz, faults and isolation repeated for the soak duration: nothing lost, nothing leaked")
    void soak() throws Exception {
        Duration length = Duration.parse(System.getProperty("lambdakit.soak"));
        long end = System.nanoTime() + length.toNanos();
        Random random = new Random(7);

        cycle(0, random); // warm-up: classes loaded, pools sized
        long heapBefore = LoadTest.usedHeapAfterGc();
        int threadsBefore = Thread.activeCount();
        long filesBefore = LoadTest.openFiles();

        int cycles = 0;
        Totals totals = new Totals();
        while (System.nanoTime() < end) {
            cycles++;
            totals.add(cycle(cycles, random));
        }
        Thread.sleep(500); // lets abandoned runtimes' reapers finish
        long heapAfter = LoadTest.usedHeapAfterGc();
        System.out.printf(
                "soak %s: %d cycles, %d invocations under load, %d fuzz cases (%d hung), %d faults, "
                        + "%d isolation checks (%d crossed), %d leftover threads alive after close; heap %d -> %d MB, "
                        + "threads %d -> %d, open files %d -> %d%n",
                length,
                cycles,
                totals.invocations,
                totals.fuzzCases,
                totals.hung,
                totals.faults,
                totals.isolation,
                totals.crossed,
                totals.leakedThreads,
                heapBefore >> 20,
                heapAfter >> 20,
                threadsBefore,
                Thread.activeCount(),
                filesBefore,
                LoadTest.openFiles());

        assertThat(cycles).as("cycles run").isPositive();
        assertThat(totals.hung).as("hung connections").isZero();
        assertThat(totals.crossed)
                .as("handlers that saw another function's value")
                .isZero();
        assertThat(totals.leakedThreads)
                .as("leftover handler threads alive after their environment closed")
                .isZero();
        assertThat(Thread.activeCount()).as("threads after the soak").isLessThanOrEqualTo(threadsBefore + 8);
        if (filesBefore >= 0) {
            assertThat(LoadTest.openFiles()).as("open files after the soak").isLessThanOrEqualTo(filesBefore + 16);
        }
        assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(64L << 20);
    }

    private static Totals cycle(int n, Random random) throws Exception {
        Totals t = new Totals();
        LoadTest.round();
        t.invocations += LoadTest.INVOCATIONS;
        t.hung += ServerFuzzTest.fuzzThree(1000L * n);
        t.fuzzCases += 3L * ServerFuzzTest.CASES_PER_SERVER;
        faults(t);
        isolation(t, random);
        return t;
    }

    /** A timeout, an init failure retried, and a leaked thread, each with its Lambda outcome. */
    private static void faults(Totals t) throws InterruptedException {
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(Handlers.Sleepy.class.getName() + "::sleep")
                .timeout(Duration.ofSeconds(1))
                .build())) {
            assertThat(fn.invoke(5_000).error())
                    .get()
                    .extracting(LambdaError::phase)
                    .isEqualTo(LambdaError.Phase.TIMEOUT);
            assertThat(fn.invoke(1).payloadAsString()).isEqualTo("\"slept 1\"");
        }
        try (LambdaFunction fn = LambdaFunction.create(
                FunctionConfig.builder().handler(Handlers.BadInit.class).build())) {
            for (int i = 0; i < 2; i++) {
                assertThat(fn.invoke("{}").error())
                        .get()
                        .extracting(LambdaError::phase)
                        .isEqualTo(LambdaError.Phase.INIT);
            }
        }
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(HandlerReference.ofInstance(FaultsTest.Leaky::new, "leak"))
                .build())) {
            assertThat(fn.invoke("{}").payloadAsString()).isEqualTo("\"started\"");
        }
        Thread leftover = FaultsTest.Leaky.STARTED.get();
        leftover.join(2000);
        if (leftover.isAlive()) {
            t.leakedThreads++;
        }
        t.faults += 3;
    }

    /** Functions side by side with their own variables: each sees only its own. */
    private static void isolation(Totals t, Random random) {
        for (int i = 0; i < 50; i++) {
            String value = Long.toHexString(random.nextLong());
            try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                    .handler(Handlers.Env.class.getName() + "::handle")
                    .env("SOAK_VALUE", value)
                    .region(List.of("eu-west-1", "us-east-2", "ap-south-1").get(random.nextInt(3)))
                    .build())) {
                InvocationResult<?> seen = fn.invoke(List.of("SOAK_VALUE"), Map.class);
                t.isolation++;
                if (!value.equals(((Map<?, ?>) seen.output()).get("SOAK_VALUE"))) {
                    t.crossed++;
                }
            }
        }
        assertThat(System.getenv("SOAK_VALUE"))
                .as("the test JVM's own environment")
                .isNull();
    }

    private static final class Totals {
        long invocations;
        long fuzzCases;
        long hung;
        long faults;
        long isolation;
        long crossed;
        long leakedThreads;

        void add(Totals o) {
            invocations += o.invocations;
            fuzzCases += o.fuzzCases;
            hung += o.hung;
            faults += o.faults;
            isolation += o.isolation;
            crossed += o.crossed;
            leakedThreads += o.leakedThreads;
        }
    }
}

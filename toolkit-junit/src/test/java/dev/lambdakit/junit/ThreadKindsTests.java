package dev.lambdakit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lambdakit.runtime.LambdaFunction;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineTestKit;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * What every kind of thread a handler uses sees, with 8 test classes run sequentially and in JUnit's concurrent
 * mode, each class a function of its own. The build plants a developer's key in this JVM's environment. Surefire runs
 * this class twice: with the common pool's default parallelism (1 on a 2-core machine) and with 4 workers.
 *
 * <p>Outcomes: {@code own} (the function's table and key), {@code none} (no function's variables and no AWS identity:
 * the rule for a thread of no function while different functions run), {@code other} (another function's), {@code
 * host} (the developer's key). Threads the function owns must see {@code own}; pooled threads {@code own}, or in
 * concurrent runs {@code none}; nothing may ever see {@code other} or {@code host}.
 */
class ThreadKindsTests {

    static final String PLANTED_KEY = "AKIAPLANTEDTOOLKIT01";
    static final List<String> KINDS = List.of(
            "handler",
            "own thread",
            "own executor",
            "common pool",
            "parallel stream",
            "SDK async",
            "Reactor parallel",
            "pool started before",
            "child process");
    /** kind -> outcomes seen in the current mode. */
    static final Map<String, Set<String>> SEEN = new ConcurrentHashMap<>();

    static final Set<String> TABLES = ConcurrentHashMap.newKeySet();

    /**
     * Library-wide pools, created before any function: none of their threads inherits a function's scope. Handed to
     * the handler through system properties, which every class loader shares (a static field of the handler's class
     * would be defined again with it).
     */
    static final class Shared {
        static final String POOL_KEY = "lambdakit.test.threadKinds.pool";
        static final String SQS_KEY = "lambdakit.test.threadKinds.sqs";
        static final ExecutorService POOL = Executors.newFixedThreadPool(2);
        /** Unreachable on purpose: the probe reads the variables where the SDK completes the failed call. */
        static final SqsAsyncClient SQS = SqsAsyncClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(NettyNioAsyncHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();

        static void start() throws Exception {
            POOL.submit(() -> null).get();
            POOL.submit(() -> null).get();
            // the SDK's Netty event loops start here, outside any function; Reactor's start inside the first one
            SQS.listQueues().handle((r, e) -> null).join();
            System.getProperties().put(POOL_KEY, POOL);
            System.getProperties().put(SQS_KEY, SQS);
        }
    }

    /** Reads TABLE and the key on every kind of thread. */
    public static final class Probe implements RequestHandler<Object, Map<String, String>> {
        private static String read() {
            return System.getenv("TABLE") + "|" + System.getenv("AWS_ACCESS_KEY_ID");
        }

        @Override
        public Map<String, String> handleRequest(Object input, Context context) {
            Map<String, String> seen = new LinkedHashMap<>();
            try {
                seen.put("handler", read());
                String[] own = new String[1];
                Thread t = new Thread(() -> own[0] = read());
                t.start();
                t.join();
                seen.put("own thread", own[0]);
                ExecutorService executor = Executors.newSingleThreadExecutor();
                seen.put("own executor", executor.submit(Probe::read).get());
                executor.shutdown();
                seen.put(
                        "common pool",
                        CompletableFuture.supplyAsync(Probe::read).join());
                seen.put(
                        "parallel stream",
                        String.join(
                                ",",
                                IntStream.range(0, 64)
                                        .parallel()
                                        .mapToObj(i -> read())
                                        .collect(Collectors.toCollection(TreeSet::new))));
                seen.put(
                        "SDK async",
                        ((SqsAsyncClient) System.getProperties().get(Shared.SQS_KEY))
                                .listQueues()
                                .handle((r, e) -> read())
                                .join());
                seen.put(
                        "Reactor parallel",
                        Mono.fromCallable(Probe::read)
                                .subscribeOn(Schedulers.parallel())
                                .block());
                seen.put(
                        "pool started before",
                        ((ExecutorService) System.getProperties().get(Shared.POOL_KEY))
                                .submit(Probe::read)
                                .get());
                Process child =
                        new ProcessBuilder("sh", "-c", "echo \"${TABLE:-null}|${AWS_ACCESS_KEY_ID:-null}\"").start();
                seen.put(
                        "child process",
                        new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                                .trim());
                child.waitFor();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return seen;
        }
    }

    @AfterAll
    static void stopPools() {
        System.getProperties().remove(Shared.POOL_KEY);
        System.getProperties().remove(Shared.SQS_KEY);
        Shared.POOL.shutdownNow();
        Shared.SQS.close();
    }

    @ParameterizedTest(name = "concurrent = {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("8 functions, 5 invocations each: every thread kind sees its function's variables or none")
    void threadKinds(boolean concurrent) throws Exception {
        Shared.start();
        SEEN.clear();
        DiscoverySelector[] classes =
                List.of(C1.class, C2.class, C3.class, C4.class, C5.class, C6.class, C7.class, C8.class).stream()
                        .map(c -> selectClass(c))
                        .toArray(DiscoverySelector[]::new);
        var kit = EngineTestKit.engine("junit-jupiter").selectors(classes);
        if (concurrent) {
            kit = kit.configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                    .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                    .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
        }
        var events = kit.execute().testEvents();
        events.failed().stream()
                .forEach(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                        .ifPresent(Throwable::printStackTrace));
        events.assertStatistics(s -> s.started(40).succeeded(40));

        System.out.printf(
                "THREAD-KINDS java %s, common pool %d, %s:%n",
                Runtime.version().feature(),
                ForkJoinPool.getCommonPoolParallelism(),
                concurrent ? "concurrent" : "sequential");
        KINDS.forEach(kind -> System.out.printf("  %-20s %s%n", kind, SEEN.get(kind)));
        for (String kind : KINDS) {
            assertThat(SEEN.get(kind)).as(kind).isNotEmpty().doesNotContain("other", "host");
        }
        for (String kind : List.of("handler", "own thread", "own executor")) {
            assertThat(SEEN.get(kind)).as(kind).containsExactly("own");
        }
        if (!concurrent) {
            KINDS.forEach(kind -> assertThat(SEEN.get(kind)).as(kind).containsExactly("own"));
        }
    }

    /** Classifies what a thread saw against the function's own table and key. */
    static void record(String kind, String seen, String table, String key) {
        for (String one : seen.split(",")) {
            String[] parts = one.split("\\|", -1);
            String outcome;
            if (PLANTED_KEY.equals(parts[1])) {
                outcome = "host";
            } else if (table.equals(parts[0]) && key.equals(parts[1])) {
                outcome = "own";
            } else if ("null".equals(parts[0]) && "null".equals(parts[1])) {
                outcome = "none";
            } else {
                outcome = "other";
            }
            SEEN.computeIfAbsent(kind, k -> ConcurrentHashMap.newKeySet()).add(outcome);
        }
    }

    abstract static class ProbeCase {
        @RepeatedTest(5)
        void probe(LambdaFunction fn) {
            String table = fn.config().environment().get("TABLE");
            @SuppressWarnings("unchecked")
            Map<String, String> seen = (Map<String, String>) fn.invoke("{}").output();
            String key = fn.credentials().accessKeyId();
            seen.forEach((kind, value) -> record(kind, value, table, key));
        }
    }

    @LambdaTest(handlerClass = Probe.class, timeout = "60s")
    @Env(name = "TABLE", value = "t1")
    static class C1 extends ProbeCase {}

    @LambdaTest(handlerClass = Probe.class, timeout = "60s")
    @Env(name = "TABLE", value = "t2")
    static class C2 extends ProbeCase {}

    @LambdaTest(handlerClass = Probe.class, timeout = "60s")
    @Env(name = "TABLE", value = "t3")
    static class C3 extends ProbeCase {}

    @LambdaTest(handlerClass = Probe.class, timeout = "60s")
    @Env(name = "TABLE", value = "t4")
    static class C4 extends ProbeCase {}

    @LambdaTest(handlerClass = Probe.class, timeout = "60s")
    @Env(name = "TABLE", value = "t5")
    static class C5 extends ProbeCase {}

    @LambdaTest(handlerClass = Probe.class, timeout = "60s")
    @Env(name = "TABLE", value = "t6")
    static class C6 extends ProbeCase {}

    @LambdaTest(handlerClass = Probe.class, timeout = "60s")
    @Env(name = "TABLE", value = "t7")
    static class C7 extends ProbeCase {}

    @LambdaTest(handlerClass = Probe.class, timeout = "60s")
    @Env(name = "TABLE", value = "t8")
    static class C8 extends ProbeCase {}
}

package dev.lambdakit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.server.LambdaService;
import dev.lambdakit.testhandlers.Handlers;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The local Lambda service under a bounded load: nothing lost or duplicated, throttles at the limit, no leaks. */
class LoadTest {

    static final int INVOCATIONS = 5_000;
    /** One client for both rounds: its own threads and connections are not what is measured. */
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static long openFiles() {
        File[] fds = new File("/proc/self/fd").listFiles();
        return fds == null ? -1 : fds.length;
    }

    @Test
    @DisplayName("2 x 5,000 invocations across three functions with concurrency 1, 2 and 4, from eight threads; "
            + "the second round grows neither threads nor open files")
    void boundedLoad() throws Exception {
        round();
        Thread.sleep(300);
        int threadsBefore = Thread.activeCount();
        long filesBefore = openFiles();
        round();
        Thread.sleep(300);
        assertThat(Thread.activeCount()).as("threads after a second round").isLessThanOrEqualTo(threadsBefore + 4);
        if (filesBefore >= 0) {
            assertThat(openFiles()).as("open files after a second round").isLessThanOrEqualTo(filesBefore + 8);
        }
    }

    /** One round of {@value #INVOCATIONS} invocations against a fresh service, checked as it ends. */
    static void round() throws Exception {
        Map<String, Integer> limits = Map.of("one", 1, "two", 2, "four", 4);
        Map<String, String> answered = new ConcurrentHashMap<>();
        AtomicInteger throttled = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (LambdaService service = startService(limits)) {
            ExecutorService load = Executors.newFixedThreadPool(8);
            try {
                List<String> names = List.of("one", "two", "four");
                List<Future<?>> futures = new java.util.ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    futures.add(load.submit(() -> {
                        for (int i = thread; i < INVOCATIONS; i += 8) {
                            String id = "inv-" + i;
                            String fn = names.get(i % 3);
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.endpoint()
                                    + "/2015-03-31/functions/" + fn + "/invocations")).timeout(Duration.ofSeconds(10))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\"}")).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 429) {
                                throttled.incrementAndGet();
                                Objects.requireNonNull(answered.putIfAbsent(id, "throttled") == null ? "" : null);
                            } else if (r.statusCode() == 200 && r.body().equals("{\"id\":\"" + id + "\"}")) {
                                if (answered.putIfAbsent(id, "ok") != null) {
                                    failed.incrementAndGet();
                                }
                            } else {
                                failed.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                load.shutdownNow();
            }
            long invoked = limits.keySet().stream().mapToLong(n -> service.function(n).invocations()).sum();
            long throttles = limits.keySet().stream().mapToLong(n -> service.function(n).throttles()).sum();
            System.out.printf("load: %d requests, %d ran, %d throttled, environments %s%n", INVOCATIONS, invoked,
                    throttles, limits.keySet().stream().map(n -> n + "=" + service.function(n).environments()).toList());

            assertThat(failed).hasValue(0);
            assertThat(answered).hasSize(INVOCATIONS);
            assertThat(invoked + throttles).isEqualTo(INVOCATIONS);
            assertThat(throttles).isEqualTo(throttled.get());
            limits.forEach((name, limit) -> assertThat(service.function(name).environments()).isLessThanOrEqualTo(limit));
            assertThat(service.function("one").environments()).isEqualTo(1);
        }
    }

    private static LambdaService startService(Map<String, Integer> limits) {
        LambdaService.Builder b = LambdaService.builder();
        limits.forEach((name, limit) -> b.function(FunctionConfig.builder().functionName(name)
                .handler(Handlers.Echo.class).build(), limit));
        return b.start();
    }
}

package dev.lambdakit.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field path of AWS's published sample events is in the builders' output for the same scenario. */
class EventFidelityTest {

    private static final List<String> SUMMARY = new ArrayList<>();

    static String sample(String name) {
        try (InputStream in = EventFidelityTest.class.getResourceAsStream("/aws-sample-events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing sample " + name, e);
        }
    }

    static Stream<Scenarios.Scenario> scenarios() {
        return Scenarios.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    @DisplayName("the builder's JSON has every field path the sample has")
    void samplePathsAreCovered(Scenarios.Scenario scenario) {
        Set<String> samplePaths = Scenarios.paths(EventJson.fromJson(sample(scenario.sample()), Object.class));
        Set<String> builtPaths =
                Scenarios.paths(EventJson.fromJson(scenario.builder().toJson(), Object.class));

        Set<String> missing = new TreeSet<>(samplePaths);
        missing.removeAll(builtPaths);
        missing.removeIf(p -> excused(p, scenario.notSentByService()));
        int excused = (int) samplePaths.stream()
                .filter(p -> !builtPaths.contains(p))
                .filter(p -> excused(p, scenario.notSentByService()))
                .count();
        SUMMARY.add(String.format(
                "%-52s %3d fields, %2d missing, %2d not sent by the service",
                scenario.sample(), samplePaths.size(), missing.size(), excused));

        assertThat(missing)
                .as("sample paths missing from the builder's output for %s", scenario.sample())
                .isEmpty();
    }

    @org.junit.jupiter.api.Test
    @DisplayName("the gzipped CloudWatch Logs payload has every field path of the sample's payload")
    void cloudWatchLogsPayload() {
        var sampleEvent = EventJson.fromJson(
                sample("cloudwatchlogs_event.json"),
                com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent.class);
        Set<String> samplePaths =
                Scenarios.paths(EventJson.fromJson(CloudWatchLogsEvents.decode(sampleEvent), Object.class));
        Set<String> builtPaths = Scenarios.paths(EventJson.fromJson(
                CloudWatchLogsEvents.decode(Scenarios.fixed(CloudWatchLogsEvents.logGroup("g"))
                        .logEvent("x")
                        .build()),
                Object.class));

        Set<String> missing = new TreeSet<>(samplePaths);
        missing.removeAll(builtPaths);
        SUMMARY.add(String.format(
                "%-52s %3d fields, %2d missing",
                "cloudwatchlogs_event.json (decoded payload)", samplePaths.size(), missing.size()));
        assertThat(missing).isEmpty();
    }

    private static boolean excused(String path, Map<String, String> notSent) {
        for (String p : notSent.keySet()) {
            String base = p.endsWith(".*") ? p.substring(0, p.length() - 2) : p;
            if (path.equals(base) || path.startsWith(base + ".")) {
                return true;
            }
        }
        return false;
    }

    @AfterAll
    static void printSummary() {
        System.out.println("Field-path comparison with AWS sample events:");
        SUMMARY.forEach(line -> System.out.println("  " + line));
    }
}

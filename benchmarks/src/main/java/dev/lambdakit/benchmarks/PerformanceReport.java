package dev.lambdakit.benchmarks;

import dev.lambdakit.events.EventJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code docs/performance.md} from one run: JMH's JSON results and raw output, and the whole-process
 * harnesses' lines. Every figure sits next to its baseline from the same run, with the ratio.
 *
 * <pre>{@code java -cp benchmarks.jar dev.lambdakit.benchmarks.PerformanceReport jmh.json jmh.txt harness.txt out.md}</pre>
 */
public final class PerformanceReport {

    private PerformanceReport() {}

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        List<Object> results = (List<Object>) EventJson.toTree(Files.readString(Path.of(args[0])));
        String raw = Files.readString(Path.of(args[1]));
        List<String> harness = Files.readAllLines(Path.of(args[2]));
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Object o : results) {
            Map<String, Object> r = (Map<String, Object>) o;
            String name = ((String) r.get("benchmark")).replace("dev.lambdakit.benchmarks.", "");
            Object params = r.get("params");
            if (params instanceof Map<?, ?> p && !p.isEmpty()) {
                name += " " + p.values().iterator().next();
            }
            byName.put(name, (Map<String, Object>) r.get("primaryMetric"));
        }
        StringBuilder md = new StringBuilder();
        md.append("# LambdaKit performance\n\nMeasured ")
                .append(LocalDate.now())
                .append(" on this machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(System.getProperty("java.version"))
                .append(", ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append(". One run of `bash benchmarks/run.sh`; each figure beside its baseline from the same run. "
                        + "JMH with 2 cores gives wide errors: read ratios, not digits.\n\n");

        goals(md, byName, harness);
        md.append("## 1. Warm in-process invocation\n\n| benchmark | µs/op | baseline | ratio |\n|---|---|---|---|\n");
        row(
                md,
                byName,
                "WarmInvocationBenchmark.lambdaKitInvoke",
                "WarmInvocationBenchmark.directWithRuntimeSerialization");
        row(
                md,
                byName,
                "WarmInvocationBenchmark.sqsLambdaKitInvoke",
                "WarmInvocationBenchmark.sqsDirectWithRuntimeSerialization");
        row(md, byName, "WarmInvocationBenchmark.directWithRuntimeSerialization", "WarmInvocationBenchmark.directCall");
        double fixed = score(byName, "WarmInvocationBenchmark.lambdaKitInvoke")
                - score(byName, "WarmInvocationBenchmark.directWithRuntimeSerialization");
        md.append(String.format(
                Locale.ROOT,
                "\nFixed overhead of a trivial handler's warm invocation: %.2f µs "
                        + "(aim: under 20 µs). SQS batch of ten: %.2fx the runtime's own deserialize-call-serialize (aim: "
                        + "within 2x).\n\n",
                fixed,
                ratio(
                        byName,
                        "WarmInvocationBenchmark.sqsLambdaKitInvoke",
                        "WarmInvocationBenchmark.sqsDirectWithRuntimeSerialization")));

        md.append("## 2. Event JSON to object\n\n| event | LambdaKit µs | EventLoader 1.1.2 µs | runtime serializer µs "
                + "| LambdaKit / EventLoader | LambdaKit / serializer |\n|---|---|---|---|---|---|\n");
        for (String e : List.of("sqs", "s3", "dynamodb")) {
            String lk = "EventLoadingBenchmark.lambdaKit " + e;
            String el = "EventLoadingBenchmark.eventLoader " + e;
            String rs = "EventLoadingBenchmark.runtimeSerializer " + e;
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                    e,
                    score(byName, lk),
                    score(byName, el),
                    score(byName, rs),
                    ratio(byName, lk, el),
                    ratio(byName, lk, rs)));
        }

        md.append("\n## 3. Cold start of a forked function (whole process, medians)\n\n```\n");
        harness.stream()
                .filter(l -> l.startsWith("COLD"))
                .forEach(l -> md.append(l.substring(5)).append('\n'));
        if (harness.stream().anyMatch(l -> l.startsWith("CONTAINER"))) {
            md.append("```\n\nExecution.CONTAINER beside Execution.FORKED (same handler, alternating runs):\n\n```\n");
            harness.stream()
                    .filter(l -> l.startsWith("CONTAINER"))
                    .forEach(l -> md.append(l.substring(10)).append('\n'));
        }
        md.append("```\n\n## 4. Warm invoke through LambdaClient (JMH sample mode, ms)\n\n"
                + "| path | p50 | p99 | ratio p50 to the fixed-body floor |\n|---|---|---|---|\n");
        for (String b : List.of(
                "LambdaClientBenchmark.localLambdaService",
                "LambdaClientBenchmark.fixedBodyServer",
                "LambdaClientBenchmark.rawHttpToService")) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.2f |%n",
                    b.substring(b.indexOf('.') + 1),
                    percentile(byName, b, "50.0"),
                    percentile(byName, b, "99.0"),
                    percentile(byName, b, "50.0")
                            / percentile(byName, "LambdaClientBenchmark.fixedBodyServer", "50.0")));
        }
        md.append("\n## 5. Backends\n\n```\n");
        harness.stream()
                .filter(l -> l.startsWith("BACKEND"))
                .forEach(l -> md.append(l.substring(8)).append('\n'));
        md.append("```\n\n| warm call, embedded (ms) | p50 | p99 |\n|---|---|---|\n");
        for (String b : List.of("s3Get", "s3Put", "sqsSend", "sqsReceive")) {
            String n = "EmbeddedBackendBenchmark." + b;
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f |%n",
                    b,
                    percentile(byName, n, "50.0"),
                    percentile(byName, n, "99.0")));
        }
        md.append(String.format(
                Locale.ROOT,
                "\n## 6. Test-suite scale: 1,000 tests (whole suite through the JUnit "
                        + "Platform, medians)\n\nOne function's life (create, one cold invocation, close) costs %.0f µs in "
                        + "JMH (`FunctionLifecycleBenchmark`): a new thread and class loader per execution environment, "
                        + "kept for isolation (no thread-local state survives into the next test). Starting and joining "
                        + "a thread that does nothing costs %.0f µs on this machine in the same run (%.0f%% of the "
                        + "life).\n\n```\n",
                score(byName, "FunctionLifecycleBenchmark.createInvokeClose"),
                score(byName, "FunctionLifecycleBenchmark.threadStartJoin"),
                100
                        * score(byName, "FunctionLifecycleBenchmark.threadStartJoin")
                        / score(byName, "FunctionLifecycleBenchmark.createInvokeClose")));
        harness.stream()
                .filter(l -> l.startsWith("SUITE"))
                .forEach(l -> md.append(l.substring(6)).append('\n'));
        md.append("```\n");
        startApi(md, harness);
        // JMH's own result table, as it printed it.
        java.util.regex.Matcher header = java.util.regex.Pattern.compile("(?m)^Benchmark\\s.*Mode\\s+Cnt")
                .matcher(raw);
        int table = -1;
        while (header.find()) {
            table = header.start();
        }
        String summary = table >= 0 ? raw.substring(table) : raw;
        int saved = summary.indexOf("Benchmark result is saved");
        md.append("\n## Raw JMH output\n\n```\n")
                .append((saved > 0 ? summary.substring(0, saved) : summary).strip())
                .append("\n```\n");
        Files.writeString(Path.of(args[3]), md.toString());
    }

    /** Issue 18's figures: a template behind lambdakit:start-api, beside sam local's container per invocation. */
    private static void startApi(StringBuilder md, List<String> harness) {
        md.append("\n## 7. A Java 17 function behind `mvn lambdakit:start-api`\n\n");
        if (harness.stream().noneMatch(l -> l.startsWith("STARTAPI"))) {
            md.append("Not measured in this run (`StartApiTiming` needs `mvn` and the installed plugin).\n\n");
            return;
        }
        double[] container = numbers(harness, "CONTAINER container, cold start to first response");
        double[] warm = numbers(harness, "STARTAPI warm GET through the front");
        md.append("The fixture of the plugin's builds (`lambdakit-maven-plugin/src/it/hello-app`, an HttpApi route "
                + "to a `java17` handler), started by `mvn -q -o lambdakit:start-api -Dlambdakit.execution=IN_PROCESS` as a developer types it: from "
                + "the command to the first `200` (Maven, the compile phase, the servers and the function's cold "
                + "start), then warm requests through the HTTP front.");
        if (container.length > 0 && warm.length > 0) {
            md.append(String.format(
                    Locale.ROOT,
                    " `sam local start-api` without `--warm-containers` (its default) starts a container for each "
                            + "invocation, so every request pays a container start and a JVM cold start: in this "
                            + "run that floor, `Execution.CONTAINER`'s cold start to first response (section 3), "
                            + "was %.0f ms, where a warm request here took %.2f ms at p50 (%.0fx).",
                    at(container, 0),
                    at(warm, 0),
                    at(container, 0) / at(warm, 0)));
        }
        md.append("\n\n```\n");
        harness.stream()
                .filter(l -> l.startsWith("STARTAPI"))
                .forEach(l -> md.append(l.substring(9)).append('\n'));
        md.append("```\n");
    }

    /** Issue 17's goals, each with its figure and baseline from this run, and what the profiles say remains. */
    private static void goals(StringBuilder md, Map<String, Map<String, Object>> r, List<String> harness) {
        double[] samples = numbers(harness, "SUITE ratio @LambdaTest to the samples' way:");
        double[] plain = numbers(harness, "SUITE ratio sequential");
        double[] cold = numbers(harness, "COLD ratio SDK cold start vs forked:");
        double build = ratio(r, "EventBuildBenchmark.builderBuild", "EventBuildBenchmark.runtimeSerializer");
        String service = "LambdaClientBenchmark.localLambdaService";
        String floor = "LambdaClientBenchmark.fixedBodyServer";
        double p50 = percentile(r, service, "50.0") / percentile(r, floor, "50.0");
        double p99 = percentile(r, service, "99.0") / percentile(r, floor, "99.0");
        md.append(
                "## Goals (issue 17): figure / baseline, this run\n\n| figure | goal | ratio | met |\n|---|---|---|---|\n");
        goal(
                md,
                "1,000 `@LambdaTest` / 1,000 the samples' way (EventLoader, mocked Context, direct call), SQS, "
                        + "sequential",
                "<= 1.0",
                at(samples, 0),
                1.0);
        goal(md, "the same, parallel", "<= 1.0", at(samples, 1), 1.0);
        goal(md, "the same with a handler building an SDK client, sequential", "<= 1.0", at(samples, 2), 1.0);
        goal(md, "the same with a handler building an SDK client, parallel", "<= 1.0", at(samples, 3), 1.0);
        goal(md, "1,000 `@LambdaTest` / 1,000 plain handler calls, sequential", "<= 3", at(plain, 0), 3.0);
        goal(md, "the same, parallel", "<= 3", at(plain, 1), 3.0);
        goal(
                md,
                "forced cold start in process (`IN_PROCESS`), SDK-client handler / forked cold start",
                "<= 0.2",
                at(cold, 0),
                0.2);
        goal(md, "the same under `IN_PROCESS_ISOLATED` (libraries reset too)", "<= 0.2", at(cold, 1), 0.2);
        goal(md, "SQS builder `build()` / the runtime serializer on the same JSON", "<= 2", build, 2.0);
        goal(md, "`LambdaClient` warm invoke via the local service / fixed-body server, p50", "<= 1.5", p50, 1.5);
        goal(md, "the same, p99", "<= 2", p99, 2.0);
        md.append("\nWhat remains, from JFR profiles of the `@LambdaTest` suites and the service "
                + "(`-XX:StartFlightRecording`, execution and native samples): the test thread runs Java for a small part "
                + "of each test's wall time. Most of the rest is outside Java code: a new runtime thread per execution "
                + "environment (about 0.2 ms to start and join on a 2-core machine like this one), class definition for "
                + "the project's reloaded classes, and hand-offs between the test's and the runtime's threads. Runtime "
                + "threads started ahead in the background were tried and gave no measurable gain here, so they were not "
                + "kept. The samples' way gets faster run after run as the JIT warms its single path. A builder's "
                + "`build()` writes JSON (ids, receipt handles, digests) before the serializer reads it back. The local "
                + "service's request crosses one more thread than the fixed-body server's (dispatcher, service executor, "
                + "the function's runtime thread), and each wake-up of a parked thread costs tens to hundreds of "
                + "microseconds here, more in the tail.\n\n");
    }

    private static void goal(StringBuilder md, String figure, String goal, double ratio, double limit) {
        md.append(String.format(
                Locale.ROOT,
                "| %s | %s | %.2f | %s |%n",
                figure,
                goal,
                ratio,
                Double.isNaN(ratio) ? "not measured" : ratio <= limit ? "yes" : "no"));
    }

    /** The numbers on the harness line that starts with {@code prefix}, in order; empty when there is none. */
    private static double[] numbers(List<String> harness, String prefix) {
        return harness.stream()
                .filter(l -> l.startsWith(prefix))
                .reduce((a, b) -> b)
                .map(l -> java.util.regex.Pattern.compile("\\d+\\.\\d+")
                        .matcher(l.substring(prefix.length()))
                        .results()
                        .mapToDouble(m -> Double.parseDouble(m.group()))
                        .toArray())
                .orElse(new double[0]);
    }

    private static double at(double[] values, int i) {
        return i < values.length ? values[i] : Double.NaN;
    }

    private static void row(StringBuilder md, Map<String, Map<String, Object>> r, String name, String base) {
        md.append(String.format(
                Locale.ROOT,
                "| %s | %.3f | %s %.3f | %.2f |%n",
                name.substring(name.indexOf('.') + 1),
                score(r, name),
                base.substring(base.indexOf('.') + 1),
                score(r, base),
                ratio(r, name, base)));
    }

    private static double score(Map<String, Map<String, Object>> r, String name) {
        Map<String, Object> m = r.get(name);
        return m == null ? Double.NaN : ((Number) m.get("score")).doubleValue();
    }

    private static double ratio(Map<String, Map<String, Object>> r, String a, String b) {
        return score(r, a) / score(r, b);
    }

    @SuppressWarnings("unchecked")
    private static double percentile(Map<String, Map<String, Object>> r, String name, String p) {
        Map<String, Object> m = r.get(name);
        if (m == null) {
            return Double.NaN;
        }
        Map<String, Object> percentiles = (Map<String, Object>) m.get("scorePercentiles");
        return ((Number) percentiles.get(p)).doubleValue();
    }
}

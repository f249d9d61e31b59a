package dev.lambdakit.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdakit.function.Execution;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whole-process timing of cold starts, run several times and compared as medians in one run: a forked function
 * (child JVM start to first response) for a stream handler and a POJO handler, against starting a bare JVM that
 * prints one line.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.lambdakit.benchmarks.ColdStart 7}</pre>
 */
public final class ColdStart {

    /** The trivial stream handler. */
    public static class Stream implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context) throws java.io.IOException {
            in.transferTo(out);
        }
    }

    /** Prints one line: the floor. */
    public static final class Hello {
        public static void main(String[] args) {
            System.out.println("hello");
        }
    }

    private ColdStart() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        System.setProperty("lambdakit.console", "none");
        double[] bare = new double[runs];
        double[] stream = new double[runs];
        double[] pojo = new double[runs];
        double[] ricAlone = new double[runs];
        double[] forkedSdk = new double[runs];
        double[] inProcessSdk = new double[runs];
        double[] isolatedSdk = new double[runs];
        String sdkHandler = SuiteScale.SqsCountWithClient.class.getName();
        try (LambdaFunction inProcess = sdkFunction(sdkHandler, Execution.IN_PROCESS);
                LambdaFunction isolated = sdkFunction(sdkHandler, Execution.IN_PROCESS_ISOLATED)) {
            invokeOk(inProcess); // the first environment of each, not measured: the JVM's own warm-up
            invokeOk(isolated);
            for (int i = 0; i < runs; i++) {
                forkedSdk[i] = forcedCold(sdkFunction(sdkHandler, Execution.FORKED), true);
                inProcessSdk[i] = forcedCold(inProcess, false);
                isolatedSdk[i] = forcedCold(isolated, false);
            }
        }
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            Hello.class.getName())
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            bare[i] = (System.nanoTime() - t) / 1e6;
            stream[i] = cold(Stream.class.getName());
            pojo[i] = cold(WarmInvocationBenchmark.Echo.class.getName());
            ricAlone[i] = ricAlone(WarmInvocationBenchmark.Echo.class.getName());
        }
        report("bare JVM printing one line", bare);
        report("forked stream handler, start to first response", stream);
        report("forked POJO handler, start to first response", pojo);
        report("official client alone, POJO handler, to first response", ricAlone);
        report("SDK client handler, forked, start to first response", forkedSdk);
        report("SDK client handler, IN_PROCESS, forced cold start", inProcessSdk);
        report("SDK client handler, IN_PROCESS_ISOLATED, forced cold start", isolatedSdk);
        System.out.printf(
                "COLD ratio stream/bare %.2f, pojo/bare %.2f, pojo/client-alone %.2f%n",
                median(stream) / median(bare), median(pojo) / median(bare), median(pojo) / median(ricAlone));
        System.out.printf(
                "COLD ratio SDK cold start vs forked: IN_PROCESS %.3f, IN_PROCESS_ISOLATED %.3f%n",
                median(inProcessSdk) / median(forkedSdk), median(isolatedSdk) / median(forkedSdk));
        System.exit(0);
    }

    private static double cold(String handler) {
        long t = System.nanoTime();
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(handler)
                .memoryMb(512)
                .execution(Execution.FORKED)
                .build())) {
            InvocationResult<Object> r = fn.invoke("\"x\"");
            double millis = (System.nanoTime() - t) / 1e6;
            if (!r.isSuccess()) {
                throw new IllegalStateException(r.toString());
            }
            return millis;
        }
    }

    private static LambdaFunction sdkFunction(String handler, Execution execution) {
        return LambdaFunction.create(FunctionConfig.builder()
                .handler(handler)
                .memoryMb(512)
                .timeout(java.time.Duration.ofSeconds(30))
                .execution(execution)
                .build());
    }

    private static void invokeOk(LambdaFunction fn) {
        InvocationResult<Object> r = fn.invoke("{\"Records\":[]}");
        if (!r.isSuccess()) {
            throw new IllegalStateException(r.toString());
        }
    }

    /** A new environment's init and first invocation: a forced cold start, or a new forked function's first call. */
    private static double forcedCold(LambdaFunction fn, boolean closeAfter) {
        long t = System.nanoTime();
        if (!closeAfter) {
            fn.forceColdStart();
        }
        invokeOk(fn);
        double millis = (System.nanoTime() - t) / 1e6;
        if (closeAfter) {
            fn.close();
        }
        return millis;
    }

    /** The official client started by hand, with no LambdaKit flags, against a Runtime API server. */
    private static double ricAlone(String handler) throws Exception {
        try (dev.lambdakit.process.RuntimeApiServer api = dev.lambdakit.process.RuntimeApiServer.start()) {
            long t = System.nanoTime();
            ProcessBuilder pb = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                    handler);
            pb.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            var outcome = api.submit(new dev.lambdakit.process.RuntimeApiServer.Event(
                    "r-1",
                    "\"x\"".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    System.currentTimeMillis() + 30_000,
                    "arn:aws:lambda:us-east-1:123456789012:function:f",
                    "Root=1-0",
                    null,
                    null));
            outcome.get(30, java.util.concurrent.TimeUnit.SECONDS);
            double millis = (System.nanoTime() - t) / 1e6;
            p.destroyForcibly().waitFor();
            return millis;
        }
    }

    private static void report(String what, double[] millis) {
        List<String> all = new ArrayList<>();
        for (double m : millis) {
            all.add(String.format("%.0f", m));
        }
        System.out.printf("COLD %-55s median %7.1f ms  (runs: %s)%n", what, median(millis), all);
    }

    /** The median of whole-process timings; shared by the harnesses. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

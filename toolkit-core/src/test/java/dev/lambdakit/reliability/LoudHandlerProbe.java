package dev.lambdakit.reliability;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.function.HandlerReference;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import java.io.PrintStream;

/**
 * Run with a small heap and standard output discarded: a handler writes a gibibyte to {@code System.out}. Reports on
 * standard error, for {@link FaultsTest}.
 */
public final class LoudHandlerProbe {

    private LoudHandlerProbe() {}

    /** Writes 1 GiB to standard output, a megabyte of lines at a time. */
    public static class Loud {
        public String shout(Object ignored) {
            byte[] megabyte =
                    ("y".repeat(1023) + "\n").repeat(1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0; i < 1024; i++) {
                System.out.write(megabyte, 0, megabyte.length);
            }
            System.out.flush();
            return "done";
        }
    }

    public static void main(String[] args) {
        PrintStream report = System.err;
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(HandlerReference.ofInstance(Loud::new, "shout"))
                .timeout(java.time.Duration.ofSeconds(120))
                .build())) {
            long start = System.nanoTime();
            InvocationResult<Object> result = fn.invoke("{}");
            report.println("RESULT " + result.payloadAsString());
            report.println("CAPTURED " + result.log().length());
            report.println("SECONDS " + (System.nanoTime() - start) / 1_000_000_000.0);
            report.println("NEXT " + fn.invoke("{}").payloadAsString());
        }
    }
}

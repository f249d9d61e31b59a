package dev.lambdakit.reliability;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import dev.lambdakit.testhandlers.Handlers;
import java.util.Map;

/**
 * Run in a JVM with a small heap: a handler in process allocates until the heap is gone, then the same JVM invokes
 * again. Prints one line per outcome for {@link FaultsTest}.
 */
public final class HeapExhaustionProbe {

    private HeapExhaustionProbe() {}

    public static void main(String[] args) {
        try (LambdaFunction hog = LambdaFunction.create(FunctionConfig.builder()
                .handler(Handlers.Hog.class.getName() + "::hog")
                .timeout(java.time.Duration.ofSeconds(30))
                .build())) {
            InvocationResult<Object> result = hog.invoke("{}");
            System.out.println("HOG " + result.error().map(e -> e.errorType()).orElse("none"));
            System.out.println("WARM " + hog.isWarm());
        }
        try (LambdaFunction echo = LambdaFunction.create(
                FunctionConfig.builder().handler(Handlers.Echo.class).build())) {
            System.out.println("NEXT " + echo.invoke(Map.of("after", "oom")).payloadAsString());
        }
    }
}

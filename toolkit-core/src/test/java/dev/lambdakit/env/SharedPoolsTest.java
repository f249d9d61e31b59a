package dev.lambdakit.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Library-wide worker pools a function causes to start belong to the JVM: closing the function leaves them be. */
class SharedPoolsTest {

    /** Hands work to Reactor's parallel scheduler, whose daemon workers the first function to use it starts. */
    public static class ReactorHandler {
        public String handle(Object ignored) {
            return Mono.fromCallable(() -> System.getenv("TABLE") + "@"
                            + Thread.currentThread().getName())
                    .subscribeOn(Schedulers.parallel())
                    .block(Duration.ofSeconds(10));
        }
    }

    private static LambdaFunction function(String table) {
        return LambdaFunction.create(FunctionConfig.builder()
                .handler(ReactorHandler.class.getName() + "::handle")
                .env("TABLE", table)
                .timeout(Duration.ofSeconds(15))
                .build());
    }

    @RepeatedTest(5)
    @DisplayName("Reactor's workers survive each function's close and serve the next with its own variables")
    void reactorWorkersServeEveryFunction() {
        for (String table : new String[] {"first", "second", "third"}) {
            try (LambdaFunction fn = function(table)) {
                InvocationResult<Object> result = fn.invoke("{}");
                assertThat(result.isSuccess()).as("%s", result.error()).isTrue();
                assertThat(result.payloadAsString()).startsWith("\"" + table + "@parallel-");
                fn.forceColdStart();
                assertThat(fn.invoke("{}").payloadAsString()).startsWith("\"" + table + "@parallel-");
            }
        }
        // and plain code after them too
        assertThat(Mono.fromCallable(() -> "plain")
                        .subscribeOn(Schedulers.parallel())
                        .block(Duration.ofSeconds(10)))
                .isEqualTo("plain");
    }
}

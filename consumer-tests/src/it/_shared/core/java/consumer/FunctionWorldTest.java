package consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.function.Execution;
import dev.lambdakit.junit.Env;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The build plants a real-looking key in this JVM's environment; no process of the function may see it. */
@EnabledOnOs(value = OS.LINUX, disabledReason = "child processes' environment is set on Linux")
class FunctionWorldTest {

    @SuppressWarnings("unchecked")
    private static Map<String, String> probe(LambdaFunction fn) {
        return (Map<String, String>) fn.invoke(Map.of()).output();
    }

    @Nested
    @LambdaTest(handlerClass = WorldProbe.class)
    @Env(name = "TABLE", value = "orders")
    class InProcess {
        @Test
        void childProcessesGetTheFunctionsVariablesAndLibrariesAreShared(LambdaFunction fn) {
            Map<String, String> first = probe(fn);
            assertThat(first.get("child")).startsWith("ASIA").endsWith(" orders").doesNotContain("AKIAPLANTED");
            fn.forceColdStart();
            assertThat(probe(fn).get("sdk")).as("the SDK's constants after a cold start").isEqualTo(first.get("sdk"));
        }
    }

    @Nested
    @LambdaTest(handlerClass = WorldProbe.class, execution = Execution.IN_PROCESS_ISOLATED)
    @Env(name = "TABLE", value = "orders")
    class Isolated {
        @Test
        void aColdStartLoadsTheLibrariesAgain(LambdaFunction fn) {
            Map<String, String> first = probe(fn);
            assertThat(first.get("child")).startsWith("ASIA").endsWith(" orders");
            fn.forceColdStart();
            assertThat(probe(fn).get("sdk")).as("the SDK's constants after a cold start").isNotEqualTo(first.get("sdk"));
        }

        @Test
        void beansStillMap() {
            try (LambdaFunction mapper = LambdaFunction.create(dev.lambdakit.function.FunctionConfig.builder()
                    .handler(OrderMapper.class)
                    .execution(Execution.IN_PROCESS_ISOLATED)
                    .build())) {
                assertThat(mapper.invoke(Map.of("id", "o-9")).output()).isEqualTo("o-9x3=3");
            }
        }
    }
}

package consumer;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.function.Execution;
import dev.lambdakit.junit.Env;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** execution = FORKED from a project that added the official runtime client as the README says. */
@LambdaTest(handlerClass = GreetingHandler.class, execution = Execution.FORKED)
@Env(name = "GREETING", value = "Hello")
class ForkedTest {

    @Test
    void runsUnderTheOfficialClientInAChildJvm(LambdaFunction fn) {
        InvocationResult<Object> cold = fn.invoke(Map.of("name", "forked"));
        InvocationResult<Object> warm = fn.invoke(Map.of("name", "again"));

        assertThat(cold).succeeded().wasColdStart().logContains("INIT_START Runtime Version:");
        Map<?, ?> seen = (Map<?, ?>) warm.output();
        assertThat(seen.get("greeting")).isEqualTo("Hello, again");
        assertThat((String) seen.get("accessKey")).startsWith("ASIA").doesNotContain("PLANTED");
        assertThat(seen.get("init")).as("the same child JVM served both").isEqualTo(1);
        assertThat(warm.isColdStart()).isFalse();
    }
}

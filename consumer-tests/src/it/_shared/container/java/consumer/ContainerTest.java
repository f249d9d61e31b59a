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

/** execution = CONTAINER from a project that added the runtime client and Testcontainers as the README says. */
@LambdaTest(handlerClass = GreetingHandler.class, execution = Execution.CONTAINER, disabledWithoutDocker = true)
@Env(name = "GREETING", value = "Hello")
class ContainerTest {

    @Test
    void runsUnderTheOfficialClientInAContainer(LambdaFunction fn) {
        InvocationResult<Object> cold = fn.invoke(Map.of("name", "contained"));
        InvocationResult<Object> warm = fn.invoke(Map.of("name", "again"));

        assertThat(cold).succeeded().wasColdStart().logContains("INIT_START Runtime Version:");
        Map<?, ?> seen = (Map<?, ?>) warm.output();
        assertThat(seen.get("greeting")).isEqualTo("Hello, again");
        assertThat((String) seen.get("accessKey")).startsWith("ASIA").doesNotContain("PLANTED");
        assertThat(seen.get("init")).as("the same container served both").isEqualTo(1);
    }
}

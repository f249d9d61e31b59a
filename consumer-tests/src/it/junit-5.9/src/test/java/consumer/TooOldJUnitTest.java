package consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.LambdaFunction;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

class TooOldJUnitTest {

    @Test
    void lambdaTestsFailWithOneMessageNamingTheSupportedVersions() {
        var events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Greets.class)).execute()
                .allEvents();
        Throwable failure = events.failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).hasMessageStartingWith("LambdaKit needs JUnit Jupiter 5.10 or newer (5.10 to 6.x), but "
                + "junit-jupiter-api 5.9.3 is on the test class path.");
    }

    @LambdaTest(handlerClass = GreetingHandler.class)
    static class Greets {
        @Test
        void greets(LambdaFunction fn) {
            assertThat(fn.invoke(java.util.Map.of("name", "x")).isSuccess()).isTrue();
        }
    }
}

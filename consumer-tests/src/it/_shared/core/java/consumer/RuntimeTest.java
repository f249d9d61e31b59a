package consumer;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lambdakit.junit.Env;
import dev.lambdakit.junit.Event;
import dev.lambdakit.junit.EventSource;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

@LambdaTest(handlerClass = GreetingHandler.class, region = "eu-central-1", timeout = "5s")
@Env(name = "GREETING", value = "Hello")
class RuntimeTest {

    @Test
    void runsTheHandlerInItsOwnWorld(LambdaFunction fn, Context context) {
        var result = fn.invoke(Map.of("name", "Ada"), Map.class);
        assertThat(result).succeeded().wasColdStart();
        Map<?, ?> seen = result.output();
        org.assertj.core.api.Assertions.assertThat(seen.get("greeting")).isEqualTo("Hello, Ada");
        org.assertj.core.api.Assertions.assertThat(seen.get("region")).isEqualTo("eu-central-1");
        // the planted developer key never reaches the function: it gets temporary credentials of its own
        org.assertj.core.api.Assertions.assertThat((String) seen.get("accessKey")).startsWith("ASIA")
                .isNotEqualTo("AKIAPLANTEDCONSUMER7");
        org.assertj.core.api.Assertions.assertThat(context.getRemainingTimeInMillis()).isPositive();
    }

    @Test
    void warmThenCold(LambdaFunction fn) {
        assertThat(fn.invoke(Map.of("name", "a"))).succeeded().wasColdStart();
        var warm = fn.invoke(Map.of("name", "b"), Map.class);
        org.assertj.core.api.Assertions.assertThat(warm.isColdStart()).isFalse();
        fn.forceColdStart();
        var cold = fn.invoke(Map.of("name", "c"), Map.class);
        org.assertj.core.api.Assertions.assertThat(cold.isColdStart()).isTrue();
        // a cold start is a fresh class: static state starts over
        org.assertj.core.api.Assertions.assertThat(cold.output().get("init")).isEqualTo(1);
    }

    @Test
    @LambdaTest(handlerClass = QueueHandler.class)
    void eventsFromTheProjectFolderAndTheClassPath(@Event("../_shared/core/project-events/two.json") SQSEvent fromDisk,
                                                   @Event("events/one.json") SQSEvent fromClassPath,
                                                   LambdaFunction fn) {
        assertThat(fn.invoke(fromDisk)).succeeded().hasPayload("\"2:ab\"");
        org.assertj.core.api.Assertions.assertThat(fromClassPath.getRecords().get(0).getEventSourceArn())
                .isEqualTo("arn:aws:sqs:us-east-1:123456789012:q");
    }

    @ParameterizedTest
    @EventSource("events/")
    @LambdaTest(handlerClass = QueueHandler.class)
    void everyFileOfAFolder(SQSEvent event, LambdaFunction fn) {
        assertThat(fn.invoke(event)).succeeded();
    }
}

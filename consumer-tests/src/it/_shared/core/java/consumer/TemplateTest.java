package consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import dev.lambdakit.template.SamTemplate;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's template configuration, from the installed artifacts: a class path template, Globals, intrinsics. */
@LambdaTest(template = "templates/consumer.yaml", function = "GreetingFunction", region = "eu-central-1")
class TemplateTest {

    @Test
    void theTemplateConfiguresTheFunction(LambdaFunction fn) {
        InvocationResult<Object> result = fn.invoke("{\"name\":\"Ada\"}");

        assertThat(fn.config().memoryMb()).isEqualTo(768);
        assertThat(fn.config().timeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(result.payloadAsString())
                .contains("\"greeting\":\"Hello, Ada\"")
                .contains("\"function\":\"GreetingFunction\"")
                .contains("\"region\":\"eu-central-1\"");
        assertThat(System.getenv("QUEUE_URL"))
                .isEqualTo("https://sqs.eu-central-1.amazonaws.com/123456789012/local-Inbox");
    }

    @Test
    @LambdaTest(template = "templates/consumer.yaml", parameters = "Greeting=Good day")
    void parametersAndConditions(LambdaFunction fn) {
        assertThat(fn.invoke("{\"name\":\"Bo\"}").payloadAsString())
                .contains("\"greeting\":\"Good day from us-east-1, Bo\"");
    }

    @Test
    void theSameOutsideJUnit() throws Exception {
        Path file = Path.of(TemplateTest.class.getResource("/templates/consumer.yaml").toURI());
        try (LambdaFunction fn = LambdaFunction.create(
                SamTemplate.load(file).function("GreetingFunction").config())) {
            assertThat(fn.invoke("{\"name\":\"Cy\"}").log()).contains("START RequestId");
            assertThat(fn.config().environment()).containsEntry("AWS_LAMBDA_LOG_FORMAT", "JSON");
        }
    }
}

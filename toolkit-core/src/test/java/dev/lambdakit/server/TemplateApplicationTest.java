package dev.lambdakit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdakit.cloud.Await;
import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.cloud.Backends;
import dev.lambdakit.cloud.EmbeddedBackend;
import dev.lambdakit.cloud.TemplateResources;
import dev.lambdakit.cloud.TestResources;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.template.SamTemplate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A template's S3, SNS, SQS, Schedule and EventBridge events, built from their properties and fired at the function. */
class TemplateApplicationTest {

    static TemplateApplication app;

    @BeforeAll
    static void start() throws Exception {
        app = TemplateApplication.builder(SamTemplate.load(Path.of(TemplateApplicationTest.class
                                .getResource("/templates/triggers.yaml")
                                .toURI()))
                        .withRegion("eu-west-1"))
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    @Test
    void anS3EventNamesTheBucketAndAKeyItsFilterPasses() {
        InvocationResult<Object> result = app.fire("TriggeredFunction", "Uploaded", null);

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.payloadAsString())
                .contains("\"eventName\":\"ObjectCreated:Put\"")
                .contains("\"name\":\"team-uploads\"")
                .contains("\"key\":\"incoming/object.csv\"")
                .contains("\"awsRegion\":\"eu-west-1\"");
        assertThat(app.event("TriggeredFunction", "Uploaded", "incoming/2026.csv"))
                .contains("incoming/2026.csv");
    }

    @Test
    void snsSqsScheduleAndEventBridgeEventsComeFromTheirProperties() {
        assertThat(app.fire("TriggeredFunction", "Alerted", "disk full").payloadAsString())
                .contains("\"TopicArn\":\"arn:aws:sns:eu-west-1:123456789012:local-Alerts\"")
                .contains("\"Message\":\"disk full\"");
        assertThat(app.fire("TriggeredFunction", "Work", "job-1").payloadAsString())
                .contains("\"eventSourceARN\":\"arn:aws:sqs:eu-west-1:123456789012:local-Jobs\"")
                .contains("\"body\":\"job-1\"");
        assertThat(app.fire("TriggeredFunction", "Nightly", null).payloadAsString())
                .contains("\"detail-type\":\"Scheduled Event\"")
                .contains("rule/nightly-report");
        assertThat(app.fire("TriggeredFunction", "Placed", "{\"orderId\":\"o-1\"}")
                        .payloadAsString())
                .contains("\"source\":\"com.shop.orders\"")
                .contains("\"detail-type\":\"OrderPlaced\"")
                .contains("\"orderId\":\"o-1\"");
    }

    @Test
    void theQueuesMappingPollsInTheBackgroundThroughItsFilter() throws Exception {
        SamTemplate template = SamTemplate.load(Path.of(TemplateApplicationTest.class
                .getResource("/templates/triggers.yaml")
                .toURI()));
        try (TestResources resources = new TestResources(EmbeddedBackend.shared())) {
            TemplateResources.create(template, resources, List.of(AwsService.SQS));
            try (TemplateApplication polling = TemplateApplication.builder(template)
                    .env(Backends.environment(EmbeddedBackend.shared(), List.of(AwsService.SQS)))
                    .resources(resources)
                    .start()) {
                String url = resources
                        .sqs()
                        .getQueueUrl(r -> r.queueName("local-Jobs"))
                        .queueUrl();
                resources.sqs().sendMessage(r -> r.queueUrl(url).messageBody("{\"kind\":\"job\"}"));
                resources.sqs().sendMessage(r -> r.queueUrl(url).messageBody("{\"kind\":\"noise\"}"));

                Await.untilTrue("both messages gone from the queue", Duration.ofSeconds(30), () -> {
                    Map<QueueAttributeName, String> counts = resources
                            .sqs()
                            .getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                            .attributes();
                    return "0".equals(counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                            && "0".equals(counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
                });

                assertThat(polling.mappings()).containsExactly("TriggeredFunction <- local-Jobs");
                assertThat(polling.service().function("TriggeredFunction").invocations())
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void unknownNamesSayWhatTheTemplateHas() {
        assertThatThrownBy(() -> app.fire("Nope", "Uploaded", null))
                .hasMessage("No function Nope in the template; its functions are [TriggeredFunction]");
        assertThatThrownBy(() -> app.fire("TriggeredFunction", "Nope", null))
                .hasMessage("Function TriggeredFunction has no event Nope; its events are "
                        + "[Uploaded, Alerted, Nightly, Placed, Work, Web]");
        assertThatThrownBy(() -> app.fire("TriggeredFunction", "Web", null))
                .hasMessageContaining("Event Web is a HttpApi event; LambdaKit builds S3, SNS, SQS");
    }
}

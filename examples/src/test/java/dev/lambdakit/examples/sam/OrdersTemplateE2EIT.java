package dev.lambdakit.examples.sam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.cloud.Await;
import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.cloud.TestResources;
import dev.lambdakit.events.SqsEvents;
import dev.lambdakit.junit.LambdaServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * End-to-end layer from the template: every function it declares behind the local Lambda service under its logical
 * id, its HttpApi event as a route of the HTTP front, its SQS event polling the template's queue, and the template's
 * table and queue created on the backend.
 */
@LambdaServiceTest(
        template = "template.yaml",
        services = {AwsService.DYNAMODB, AwsService.SQS})
class OrdersTemplateE2EIT {

    @Test
    void theTemplatesHttpRouteStoresAnOrder(URI baseUri, TestResources resources) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(baseUri.resolve("/orders"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"ABC-1\",\"quantity\":2}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unrouted = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(baseUri.resolve("/orders")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(unrouted.statusCode()).isEqualTo(404);
        String orderId = created.body().replaceAll(".*\"orderId\":\"([^\"]+)\".*", "$1");
        assertThat(item(resources, orderId)).containsKey("sku");
    }

    @Test
    void aMessageOnTheTemplatesQueueReachesTheConsumer(TestResources resources) {
        String url = resources
                .sqs()
                .getQueueUrl(r -> r.queueName("local-OrdersQueue"))
                .queueUrl();
        resources.sqs().sendMessage(r -> r.queueUrl(url).messageBody("{\"orderId\":\"from-queue\"}"));

        Map<String, AttributeValue> stored = Await.until(
                "the queued order in the template's table",
                Duration.ofSeconds(20),
                () -> Optional.of(item(resources, "from-queue")).filter(i -> !i.isEmpty()));

        assertThat(stored).containsKey("status");
    }

    @Test
    void theConsumerAnswersTheSdkUnderItsLogicalId(LambdaClient lambda, TestResources resources) {
        String sqsEvent = SqsEvents.queue("local-OrdersQueue")
                .message("{\"orderId\":\"o-9\"}")
                .toJson();

        InvokeResponse response =
                lambda.invoke(r -> r.functionName("OrderQueueFunction").payload(SdkBytes.fromUtf8String(sqsEvent)));

        assertThat(response.functionError())
                .as(response.payload().asUtf8String())
                .isNull();
        assertThat(response.payload().asUtf8String()).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(item(resources, "o-9")).containsKey("status");
    }

    private static Map<String, AttributeValue> item(TestResources resources, String orderId) {
        return resources
                .dynamoDb()
                .getItem(r -> r.tableName("orders-dev").key(Map.of("orderId", AttributeValue.fromS(orderId))))
                .item();
    }
}

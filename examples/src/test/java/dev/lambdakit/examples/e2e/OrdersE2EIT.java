package dev.lambdakit.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.cloud.TestResources;
import dev.lambdakit.events.EventJson;
import dev.lambdakit.events.SqsEvents;
import dev.lambdakit.junit.Env;
import dev.lambdakit.junit.LambdaServiceTest;
import dev.lambdakit.server.LambdaService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * End-to-end layer: the functions deployed behind a local Lambda service and an HTTP front, driven through plain HTTP
 * and the AWS SDK's LambdaClient, their effects checked in DynamoDB (dynalite here, LocalStack with Docker).
 */
@LambdaServiceTest(
        services = AwsService.DYNAMODB,
        httpFront = "create-order",
        functions = {
            @LambdaServiceTest.Function(
                    name = "create-order",
                    timeout = "10s",
                    env = @Env(name = "TABLE_NAME", value = "orders-e2e"),
                    handler = "dev.lambdakit.examples.orders.CreateOrderHandler::handleRequest"),
            @LambdaServiceTest.Function(
                    name = "order-queue",
                    timeout = "10s",
                    env = @Env(name = "TABLE_NAME", value = "orders-e2e"),
                    handler = "dev.lambdakit.examples.queue.OrderQueueConsumer::handleRequest"),
            @LambdaServiceTest.Function(
                    name = "misconfigured",
                    handler = "dev.lambdakit.examples.orders.CreateOrderHandler::handleRequest"),
            @LambdaServiceTest.Function(
                    name = "slow",
                    timeout = "1s",
                    handler = "dev.lambdakit.examples.e2e.Slow::handle")
        })
class OrdersE2EIT {

    @BeforeAll
    static void createTable(TestResources resources) {
        resources
                .dynamoDb()
                .createTable(r -> r.tableName("orders-e2e")
                        .billingMode("PAY_PER_REQUEST")
                        .keySchema(software.amazon.awssdk.services.dynamodb.model.KeySchemaElement.builder()
                                .attributeName("orderId")
                                .keyType(KeyType.HASH)
                                .build())
                        .attributeDefinitions(
                                software.amazon.awssdk.services.dynamodb.model.AttributeDefinition.builder()
                                        .attributeName("orderId")
                                        .attributeType(ScalarAttributeType.S)
                                        .build()));
    }

    @Test
    void anHttpRequestStoresAnOrder(URI baseUri, TestResources resources) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(baseUri.resolve("/orders"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"ABC-1\",\"quantity\":2}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        String orderId =
                ((Map<?, ?>) EventJson.toTree(response.body())).get("orderId").toString();
        var item = resources
                .dynamoDb()
                .getItem(r -> r.tableName("orders-e2e").key(Map.of("orderId", AttributeValue.fromS(orderId))))
                .item();
        assertThat(item.get("sku").s()).isEqualTo("ABC-1");
    }

    @Test
    void theQueueConsumerThroughLambdaClientWithTailLogs(LambdaClient lambda) {
        String batch = SqsEvents.queue("orders")
                .message(m -> m.messageId("m-1").body("{\"orderId\":\"q-1\"}"))
                .message(m -> m.messageId("m-2").body("oops"))
                .toJson();

        InvokeResponse response = lambda.invoke(
                r -> r.functionName("order-queue").logType(LogType.TAIL).payload(SdkBytes.fromUtf8String(batch)));

        assertThat(response.functionError()).isNull();
        assertThat(response.payload().asUtf8String())
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}]}");
        String log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        assertThat(log)
                .contains("message m-2 failed: body is not JSON")
                .contains("REPORT RequestId: " + response.responseMetadata().requestId());
    }

    @Test
    void anInitFailureAndATimeoutSeenFromTheClient(LambdaClient lambda, LambdaService service) {
        InvokeResponse broken =
                lambda.invoke(r -> r.functionName("misconfigured").payload(SdkBytes.fromUtf8String("{}")));
        InvokeResponse slow = lambda.invoke(r -> r.functionName("slow").payload(SdkBytes.fromUtf8String("{}")));

        assertThat(broken.functionError()).isEqualTo("Unhandled");
        assertThat(broken.payload().asUtf8String())
                .isEqualTo("{\"errorMessage\":\"Environment variable TABLE_NAME "
                        + "is not set\",\"errorType\":\"java.lang.IllegalStateException\"}");
        assertThat(slow.functionError()).isEqualTo("Unhandled");
        assertThat(slow.payload().asUtf8String()).contains("Task timed out after 1.00 seconds");
        assertThat(service.duplicateDeliveries()).isEmpty();
    }
}

package dev.lambdakit.examples.sam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.cloud.TestResources;
import dev.lambdakit.events.SqsEvents;
import dev.lambdakit.junit.LambdaServiceTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * End-to-end layer from the template: every function the template declares, behind the local Lambda service under
 * its logical id, invoked through the AWS SDK's {@code LambdaClient}; the template's table created on the backend.
 */
@LambdaServiceTest(template = "template.yaml", services = AwsService.DYNAMODB)
class OrdersTemplateE2EIT {

    @Test
    void theQueueConsumerStoresOrdersItReceives(LambdaClient lambda, TestResources resources) {
        String sqsEvent = SqsEvents.queue("local-OrdersQueue")
                .message("{\"orderId\":\"o-9\"}")
                .toJson();

        InvokeResponse response =
                lambda.invoke(r -> r.functionName("OrderQueueFunction").payload(SdkBytes.fromUtf8String(sqsEvent)));

        assertThat(response.functionError())
                .as(response.payload().asUtf8String())
                .isNull();
        assertThat(response.payload().asUtf8String()).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(resources
                        .dynamoDb()
                        .getItem(r -> r.tableName("orders-dev").key(Map.of("orderId", AttributeValue.fromS("o-9"))))
                        .item())
                .containsKey("status");
    }
}

package dev.lambdakit.examples.sam;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.events.ApiGatewayEvents;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Integration layer from the template: the handler unchanged, building its own {@code DynamoDbClient} from the
 * environment, against a real DynamoDB API (embedded here; LocalStack with Docker) and the table the template
 * declares, created for the test from its {@code KeySchema} under the name the function receives.
 */
@LambdaTest(template = "template.yaml", function = "CreateOrderFunction", services = AwsService.DYNAMODB)
class OrdersTemplateIT {

    @Test
    void storesTheOrderInTheTemplatesTable(LambdaFunction fn, DynamoDbClient dynamo) {
        InvocationResult<APIGatewayV2HTTPResponse> result = fn.invoke(
                ApiGatewayEvents.httpApi()
                        .post("/orders")
                        .jsonBody(Map.of("sku", "ABC-7", "quantity", 3))
                        .build(),
                APIGatewayV2HTTPResponse.class);

        assertThat(result).succeeded().hasStatusCode(201);
        Map<String, AttributeValue> stored = dynamo.getItem(
                        r -> r.tableName("orders-dev").key(Map.of("orderId", AttributeValue.fromS(result.requestId()))))
                .item();
        org.assertj.core.api.Assertions.assertThat(stored.get("quantity").n()).isEqualTo("3");
        org.assertj.core.api.Assertions.assertThat(System.getenv("TABLE_NAME")).isEqualTo("orders-dev");
    }
}

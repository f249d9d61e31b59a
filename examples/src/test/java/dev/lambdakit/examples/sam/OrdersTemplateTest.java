package dev.lambdakit.examples.sam;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdakit.events.ApiGatewayEvents;
import dev.lambdakit.examples.orders.CreateOrderHandler;
import dev.lambdakit.junit.LambdaHandler;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/**
 * Unit layer, configured by the SAM template the application deploys with: memory, timeout, runtime and the table's
 * name come from {@code template.yaml} (its Globals and {@code !Ref OrdersTable}); DynamoDB is a Mockito mock.
 */
@LambdaTest(template = "template.yaml", function = "CreateOrderFunction", parameters = "Stage=test")
@ExtendWith(MockitoExtension.class)
class OrdersTemplateTest {

    @Mock
    DynamoDbClient dynamo;

    @LambdaHandler
    CreateOrderHandler handler() {
        return new CreateOrderHandler(System.getenv("TABLE_NAME"), dynamo);
    }

    @Test
    void runsWithTheTemplatesSettings(LambdaFunction fn) {
        when(dynamo.putItem(any(PutItemRequest.class)))
                .thenReturn(PutItemResponse.builder().build());

        InvocationResult<APIGatewayV2HTTPResponse> result = fn.invoke(
                ApiGatewayEvents.httpApi()
                        .post("/orders")
                        .jsonBody(Map.of("sku", "ABC-12", "quantity", 1))
                        .build(),
                APIGatewayV2HTTPResponse.class);

        assertThat(result).succeeded().hasStatusCode(201);
        assertThat(fn.config().memoryMb()).isEqualTo(512);
        assertThat(fn.config().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(fn.config().runtime()).isEqualTo("java17");
        ArgumentCaptor<PutItemRequest> put = ArgumentCaptor.forClass(PutItemRequest.class);
        verify(dynamo).putItem(put.capture());
        assertThat(put.getValue().tableName()).isEqualTo("orders-test");
    }

    @Test
    void theTemplatesEventIsTheRequestTheHandlerGets(LambdaFunction fn) {
        APIGatewayV2HTTPEvent noBody =
                ApiGatewayEvents.httpApi().post("/orders").build();

        assertThat(fn.invoke(noBody, APIGatewayV2HTTPResponse.class)).hasStatusCode(400);
    }
}

package dev.lambdakit.examples.orders;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;
import static dev.lambdakit.junit.ResponseAssertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdakit.events.ApiGatewayEvents;
import dev.lambdakit.junit.Env;
import dev.lambdakit.junit.LambdaHandler;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/** Unit layer: the handler's logic in the simulated runtime, DynamoDB mocked with Mockito. */
@LambdaTest(memoryMb = 512, timeout = "5s")
@Env(name = "TABLE_NAME", value = "orders")
@ExtendWith(MockitoExtension.class)
class CreateOrderHandlerTest {

    @Mock
    DynamoDbClient dynamo;

    int handlersBuilt;

    @LambdaHandler
    CreateOrderHandler handler() {
        handlersBuilt++;
        // Runs on the function's init, inside its environment: TABLE_NAME comes from @Env.
        return new CreateOrderHandler(System.getenv("TABLE_NAME"), dynamo);
    }

    static APIGatewayV2HTTPEvent post(String body) {
        return ApiGatewayEvents.httpApi().post("/orders").textBody(body).build();
    }

    @Test
    void storesAValidOrder(LambdaFunction fn) {
        when(dynamo.putItem(any(PutItemRequest.class)))
                .thenReturn(PutItemResponse.builder().build());

        InvocationResult<APIGatewayV2HTTPResponse> result = fn.invoke(
                ApiGatewayEvents.httpApi()
                        .post("/orders")
                        .jsonBody(Map.of("sku", "ABC-12", "quantity", 2))
                        .build(),
                APIGatewayV2HTTPResponse.class);

        assertThat(result).succeeded().hasStatusCode(201).logContains("stored order " + result.requestId());
        assertThat(result.output())
                .hasHeader("content-type", "application/json")
                .hasJsonBody("{\"orderId\":\"" + result.requestId() + "\"}");
        ArgumentCaptor<PutItemRequest> put = ArgumentCaptor.forClass(PutItemRequest.class);
        verify(dynamo).putItem(put.capture());
        assertThat(put.getValue().tableName()).isEqualTo("orders");
        assertThat(put.getValue().item().get("quantity").n()).isEqualTo("2");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''                         | a JSON body is required",
                "not json                   | the body is not JSON",
                "{\"sku\":\"abc\"}          | sku must look like ABC-123",
                "{\"sku\":\"AB-1\",\"quantity\":0} | quantity must be between 1 and 100"
            })
    void rejectsInvalidOrders(String body, String message, LambdaFunction fn) {
        InvocationResult<APIGatewayV2HTTPResponse> result = fn.invoke(post(body), APIGatewayV2HTTPResponse.class);

        assertThat(result).hasStatusCode(400);
        assertThat(result.output().getBody()).isEqualTo("{\"error\":\"" + message + "\"}");
        verifyNoInteractions(dynamo);
    }

    @Test
    void reusesTheWarmEnvironmentUntilAColdStart(LambdaFunction fn) {
        InvocationResult<Object> first = fn.invoke(post(""));
        InvocationResult<Object> second = fn.invoke(post(""));
        fn.forceColdStart();
        InvocationResult<Object> third = fn.invoke(post(""));

        assertThat(first).wasColdStart();
        assertThat(second).wasWarmStart();
        assertThat(third).wasColdStart();
        assertThat(handlersBuilt).isEqualTo(2);
        assertThat(first.report().initDurationMillis()).isPresent();
        assertThat(second.report().initDurationMillis()).isEmpty(); // a warm start runs no init
        assertThat(third.report().initDurationMillis()).isPresent();
    }

    @Test
    @LambdaTest(timeout = "1s")
    void timesOutWhenDynamoDbHangs(LambdaFunction fn) {
        when(dynamo.putItem(any(PutItemRequest.class))).thenAnswer(call -> {
            Thread.sleep(10_000);
            return PutItemResponse.builder().build();
        });

        InvocationResult<Object> result = fn.invoke(post("{\"sku\":\"ABC-12\"}"));

        assertThat(result).timedOut().hasErrorMessageContaining("Task timed out after 1.00 seconds");
        assertThat(fn.isWarm()).isFalse();
    }
}

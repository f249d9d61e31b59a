package dev.lambdakit.examples.queue;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;
import static dev.lambdakit.junit.ResponseAssertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.lambdakit.events.SqsEvents;
import dev.lambdakit.junit.LambdaHandler;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/** Unit layer: partial batch failure reporting, with events from the SQS builder and DynamoDB mocked. */
@LambdaTest(timeout = "10s")
@ExtendWith(MockitoExtension.class)
class OrderQueueConsumerTest {

    @Mock
    DynamoDbClient dynamo;

    @LambdaHandler
    OrderQueueConsumer consumer() {
        return new OrderQueueConsumer(dynamo, "orders");
    }

    @Test
    void reportsNothingWhenEveryMessageIsStored(LambdaFunction fn) {
        when(dynamo.putItem(any(PutItemRequest.class)))
                .thenReturn(PutItemResponse.builder().build());

        InvocationResult<SQSBatchResponse> result = fn.invoke(
                SqsEvents.queue("orders")
                        .messages(10, i -> "{\"orderId\":\"o-" + i + "\"}")
                        .build(),
                SQSBatchResponse.class);

        assertThat(result).succeeded().batchResponse().reportsNoFailures();
        verify(dynamo, times(10)).putItem(any(PutItemRequest.class));
    }

    @Test
    void reportsOnlyTheMessagesThatFailed(LambdaFunction fn) {
        when(dynamo.putItem(any(PutItemRequest.class)))
                .thenReturn(PutItemResponse.builder().build());
        when(dynamo.putItem(argThat((PutItemRequest r) ->
                        r != null && r.item().get("orderId").s().equals("o-3"))))
                .thenThrow(DynamoDbException.builder().message("throttled").build());

        InvocationResult<SQSBatchResponse> result = fn.invoke(
                SqsEvents.queue("orders")
                        .message(m -> m.messageId("m-1").body("{\"orderId\":\"o-1\"}"))
                        .message(m -> m.messageId("m-2").body("not json"))
                        .message(m ->
                                m.messageId("m-3").body("{\"orderId\":\"o-3\"}").receiveCount(2))
                        .message(m -> m.messageId("m-4").body("{}"))
                        .build(),
                SQSBatchResponse.class);

        assertThat(result).succeeded().logContains("message m-3 failed: throttled");
        assertThat(result.output()).reportsFailed("m-2", "m-3", "m-4");
    }

    @Test
    void fifoMessagesCarryTheirGroup(LambdaFunction fn) {
        when(dynamo.putItem(any(PutItemRequest.class)))
                .thenReturn(PutItemResponse.builder().build());

        InvocationResult<SQSBatchResponse> result = fn.invoke(
                SqsEvents.queue("orders.fifo")
                        .message(m -> m.body("{\"orderId\":\"o-9\"}")
                                .groupId("customer-1")
                                .receiveCount(3))
                        .build(),
                SQSBatchResponse.class);

        assertThat(result).batchResponse().reportsNoFailures();
        verify(dynamo)
                .putItem(argThat(
                        (PutItemRequest r) -> r.item().get("receiveCount").n().equals("3")));
    }
}

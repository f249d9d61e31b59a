package dev.lambdakit.examples.streams;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.lambdakit.events.DynamoDbEvents;
import dev.lambdakit.junit.LambdaHandler;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/** Unit layer: a DynamoDB Streams handler, with stream records from the builder's old and new images. */
@LambdaTest
@ExtendWith(MockitoExtension.class)
class ShippedOrderHandlerTest {

    @Mock
    DynamoDbClient dynamo;

    @LambdaHandler
    ShippedOrderHandler handler() {
        return new ShippedOrderHandler(dynamo, "audit");
    }

    static DynamoDbEvents.Builder orders() {
        return DynamoDbEvents.table("orders").keys("orderId");
    }

    @Test
    void auditsOrdersThatBecameShipped(LambdaFunction fn) {
        when(dynamo.putItem(any(PutItemRequest.class)))
                .thenReturn(PutItemResponse.builder().build());

        InvocationResult<StreamsEventResponse> result = fn.invoke(
                orders().insert(Map.of("orderId", "o-1", "status", "NEW"))
                        .modify(
                                Map.of("orderId", "o-1", "status", "NEW"),
                                Map.of("orderId", "o-1", "status", "SHIPPED"))
                        .modify(
                                Map.of("orderId", "o-2", "status", "SHIPPED"),
                                Map.of("orderId", "o-2", "status", "SHIPPED"))
                        .remove(Map.of("orderId", "o-3", "status", "SHIPPED"))
                        .build(),
                StreamsEventResponse.class);

        assertThat(result).batchResponse().reportsNoFailures();
        verify(dynamo)
                .putItem(PutItemRequest.builder()
                        .tableName("audit")
                        .item(Map.of(
                                "orderId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("o-1"),
                                "event",
                                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("SHIPPED")))
                        .build());
    }

    @Test
    void reportsTheSequenceNumberWhereItStopped(LambdaFunction fn) {
        when(dynamo.putItem(any(PutItemRequest.class)))
                .thenThrow(DynamoDbException.builder().message("down").build());
        DynamodbEvent event = orders().modify(
                        Map.of("orderId", "o-7", "status", "PACKED"), Map.of("orderId", "o-7", "status", "SHIPPED"))
                .build();

        InvocationResult<StreamsEventResponse> result = fn.invoke(event, StreamsEventResponse.class);

        assertThat(result)
                .batchResponse()
                .reportsFailed(event.getRecords().get(0).getDynamodb().getSequenceNumber());
    }

    @Test
    void ignoresInsertsAndRemovals(LambdaFunction fn) {
        InvocationResult<StreamsEventResponse> result = fn.invoke(
                orders().insert(Map.of("orderId", "o-1", "status", "SHIPPED"))
                        .expire(Map.of("orderId", "o-1"))
                        .build(),
                StreamsEventResponse.class);

        assertThat(result).batchResponse().reportsNoFailures();
        verifyNoInteractions(dynamo);
    }
}

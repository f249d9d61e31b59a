package dev.lambdakit.examples.queue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Consumes order messages from SQS with partial batch failure reporting ({@code ReportBatchItemFailures}): each
 * message is stored on its own, and only the ones that could not be are reported, so SQS retries just those.
 */
public class OrderQueueConsumer implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbClient dynamo;
    private final String table;

    public OrderQueueConsumer() {
        this(DynamoDbClient.create(), System.getenv("TABLE_NAME"));
    }

    public OrderQueueConsumer(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                store(message);
            } catch (InvalidOrderException | SdkException e) {
                context.getLogger().log("message " + message.getMessageId() + " failed: " + e.getMessage());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private void store(SQSEvent.SQSMessage message) {
        JsonNode order;
        try {
            order = JSON.readTree(message.getBody());
        } catch (java.io.IOException e) {
            throw new InvalidOrderException("body is not JSON");
        }
        String orderId = order.path("orderId").asText("");
        if (orderId.isEmpty()) {
            throw new InvalidOrderException("orderId is missing");
        }
        dynamo.putItem(PutItemRequest.builder()
                .tableName(table)
                .item(Map.of(
                        "orderId", AttributeValue.fromS(orderId),
                        "status", AttributeValue.fromS("RECEIVED"),
                        "receiveCount",
                                AttributeValue.fromN(
                                        message.getAttributes().getOrDefault("ApproximateReceiveCount", "1"))))
                .build());
    }

    /** A message that can never succeed; reported failed so it reaches the dead-letter queue. */
    static final class InvalidOrderException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidOrderException(String message) {
            super(message);
        }
    }
}

package dev.lambdakit.examples.streams;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Reads the orders table's stream: when an order's status changes to {@code SHIPPED}, writes an entry to the
 * {@code AUDIT_TABLE}. On a failure it reports that record's sequence number, so Lambda retries from there on
 * (stream batches keep their order, so the rest of the batch is retried too).
 */
public class ShippedOrderHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final DynamoDbClient dynamo;
    private final String auditTable;

    public ShippedOrderHandler() {
        this(DynamoDbClient.create(), System.getenv("AUDIT_TABLE"));
    }

    public ShippedOrderHandler(DynamoDbClient dynamo, String auditTable) {
        this.dynamo = dynamo;
        this.auditTable = auditTable;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            if (!"MODIFY".equals(record.getEventName()) || !becameShipped(record)) {
                continue;
            }
            String orderId = record.getDynamodb().getKeys().get("orderId").getS();
            try {
                dynamo.putItem(PutItemRequest.builder()
                        .tableName(auditTable)
                        .item(Map.of(
                                "orderId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(orderId),
                                "event",
                                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("SHIPPED")))
                        .build());
            } catch (SdkException e) {
                context.getLogger().log("audit of " + orderId + " failed: " + e.getMessage());
                return StreamsEventResponse.builder()
                        .withBatchItemFailures(List.of(StreamsEventResponse.BatchItemFailure.builder()
                                .withItemIdentifier(record.getDynamodb().getSequenceNumber())
                                .build()))
                        .build();
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }

    private static boolean becameShipped(DynamodbEvent.DynamodbStreamRecord record) {
        Map<String, AttributeValue> before = record.getDynamodb().getOldImage();
        Map<String, AttributeValue> after = record.getDynamodb().getNewImage();
        return after != null && before != null && "SHIPPED".equals(status(after)) && !"SHIPPED".equals(status(before));
    }

    private static String status(Map<String, AttributeValue> image) {
        AttributeValue v = image.get("status");
        return v == null ? null : v.getS();
    }
}

package dev.lambdakit.examples.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * {@code POST /orders} behind an API Gateway HTTP API: validates the JSON body and stores the order in DynamoDB.
 *
 * <p>Production code as it would be deployed: the no-argument constructor builds its client with
 * {@link DynamoDbClient#create()}, which finds region and credentials in the environment, and reads the table name
 * from {@code TABLE_NAME}.
 */
public class CreateOrderHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SKU = Pattern.compile("[A-Z]{1,4}-\\d{1,6}");

    private final DynamoDbClient dynamo;
    private final String table;

    public CreateOrderHandler() {
        this(requiredEnv("TABLE_NAME"), DynamoDbClient.create());
    }

    public CreateOrderHandler(String table, DynamoDbClient dynamo) {
        this.table = table;
        this.dynamo = dynamo;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (event.getBody() == null || event.getBody().isBlank()) {
            return response(400, Map.of("error", "a JSON body is required"));
        }
        JsonNode body;
        try {
            body = JSON.readTree(event.getBody());
        } catch (JsonProcessingException e) {
            return response(400, Map.of("error", "the body is not JSON"));
        }
        String sku = body.path("sku").asText("");
        int quantity = body.path("quantity").asInt(1);
        if (!SKU.matcher(sku).matches()) {
            return response(400, Map.of("error", "sku must look like ABC-123"));
        }
        if (quantity < 1 || quantity > 100) {
            return response(400, Map.of("error", "quantity must be between 1 and 100"));
        }
        String orderId = context.getAwsRequestId();
        dynamo.putItem(PutItemRequest.builder()
                .tableName(table)
                .item(Map.of(
                        "orderId", AttributeValue.fromS(orderId),
                        "sku", AttributeValue.fromS(sku),
                        "quantity", AttributeValue.fromN(Integer.toString(quantity))))
                .conditionExpression("attribute_not_exists(orderId)")
                .build());
        context.getLogger().log("stored order " + orderId + " for " + quantity + " x " + sku);
        return response(201, Map.of("orderId", orderId));
    }

    private static APIGatewayV2HTTPResponse response(int status, Map<String, ?> body) {
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(status)
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withBody(JSON.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set");
        }
        return value;
    }
}

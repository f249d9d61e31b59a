package consumer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps a stored item to its bean and back, with the Enhanced Client's bean schema. */
public class OrderMapper implements RequestHandler<Map<String, String>, String> {

    private static final TableSchema<Order> SCHEMA = TableSchema.fromBean(Order.class);

    @Override
    public String handleRequest(Map<String, String> input, Context context) {
        Order order = SCHEMA.mapToItem(Map.of("id", AttributeValue.fromS(input.get("id")),
                "quantity", AttributeValue.fromN("3")));
        return order.getId() + "x" + order.getQuantity() + "=" + SCHEMA.itemToMap(order, true).get("quantity").n();
    }
}

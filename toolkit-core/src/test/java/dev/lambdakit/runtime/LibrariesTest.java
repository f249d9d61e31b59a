package dev.lambdakit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.function.Execution;
import dev.lambdakit.function.FunctionConfig;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Mainstream libraries work unchanged in a function run by class name. */
class LibrariesTest {

    /** A DynamoDB Enhanced Client bean. */
    @DynamoDbBean
    public static class Item {
        private String id;

        @DynamoDbPartitionKey
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }
    }

    public static class BeanHandler {
        public String handle(Object ignored) {
            TableSchema<Item> schema = TableSchema.fromBean(Item.class);
            Item item = schema.mapToItem(Map.of("id", AttributeValue.fromS("order-1")));
            return item.getId() + "/" + schema.itemToMap(item, true).get("id").s();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"IN_PROCESS", "IN_PROCESS_ISOLATED"})
    @DisplayName("the DynamoDB Enhanced Client maps a bean of the function's own classes")
    void enhancedClientBeans(Execution execution) {
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(BeanHandler.class.getName() + "::handle")
                .execution(execution)
                .build())) {
            InvocationResult<Object> first = fn.invoke("{}");
            assertThat(first.isSuccess()).as("%s", first.error()).isTrue();
            assertThat(first.output()).isEqualTo("order-1/order-1");
            fn.forceColdStart();
            assertThat(fn.invoke("{}").output()).isEqualTo("order-1/order-1");
        }
    }
}

package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * A DynamoDB table created for this test (string keys, on-demand capacity), removed afterwards. Its name goes into
 * the function's environment under {@link #env()}.
 *
 * <pre>{@code
 * @Test
 * void stores(@TestTable(env = "TABLE_NAME", hashKey = "orderId") TestResources.Table orders, DynamoDbClient dynamo,
 *             LambdaFunction fn) {
 *     assertThat(fn.invoke(Map.of("orderId", "o-1"))).succeeded();
 *     assertThat(dynamo.getItem(r -> r.tableName(orders.name())
 *             .key(Map.of("orderId", AttributeValue.fromS("o-1")))).hasItem()).isTrue();
 * }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = EXPERIMENTAL, since = "0.1")
public @interface TestTable {

    String env() default "";

    /**
     * The table's exact name, for handlers that hard-code theirs; by default a name unique to the test. Tests that run
     * in parallel must not share an exact name.
     */
    String name() default "";

    String hashKey() default "id";

    /** Empty for a table with a hash key only. */
    String rangeKey() default "";

    /** Global secondary indexes, each {@code name:hashKey} or {@code name:hashKey:rangeKey}. */
    String[] indexes() default {};

    /** Turns on a NEW_AND_OLD_IMAGES stream (not on the embedded backend, whose dynalite has none). */
    boolean stream() default false;
}

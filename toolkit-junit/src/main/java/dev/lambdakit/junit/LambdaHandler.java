package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a no-argument method of a {@link LambdaTest @LambdaTest} class that builds the handler instance, for unit
 * tests that pass mocks in. It is called on each init (so a cold start gets a fresh instance) on the function's
 * runtime thread, after the test instance's fields (Mockito's {@code @Mock}s, for example) are set.
 *
 * <pre>{@code
 * @LambdaTest
 * @ExtendWith(MockitoExtension.class)
 * class CreateOrderTest {
 *     @Mock DynamoDbClient dynamo;
 *
 *     @LambdaHandler
 *     CreateOrderHandler handler() {
 *         return new CreateOrderHandler(dynamo);
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = EXPERIMENTAL, since = "0.1")
public @interface LambdaHandler {

    /** The handler method to call on the instance; empty when it implements a Lambda handler interface. */
    String method() default "";
}

package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * An environment variable of the function under test, on a {@link LambdaTest @LambdaTest} class or test method. A
 * method's value replaces the class's for the same name. Names Lambda reserves ({@code AWS_REGION}, ...) are
 * refused, as Lambda refuses them.
 *
 * <pre>{@code
 * @LambdaTest(handler = "com.acme.Orders::create")
 * @Env(name = "TABLE_NAME", value = "orders")
 * class OrdersTest {
 *     @Test
 *     @Env(name = "TABLE_NAME", value = "orders-v2")
 *     void usesTheMethodsValue(LambdaFunction fn) {
 *         assertThat(fn.environmentVariables()).containsEntry("TABLE_NAME", "orders-v2");
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Env.List.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface Env {

    String name();

    String value();

    /** Holds repeated {@link Env} annotations. */
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @interface List {
        Env[] value();
    }
}

package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Feeds a {@code @ParameterizedTest} one event per {@code .json} file in a classpath folder (in a directory or inside
 * a jar), sorted by name, each read by the runtime's serializer into the first parameter's type. Placeholders work
 * as for {@link Event}.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @EventSource("events/orders/")
 * void acceptsEveryRecordedOrder(SQSEvent event, LambdaFunction fn) {
 *     assertThat(fn.invoke(event)).succeeded();
 * }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(EventSourceProvider.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface EventSource {

    /** The folder, e.g. {@code events/orders/}. */
    String value();

    /** The test's own placeholder values, each {@code name=value}. */
    String[] placeholders() default {};
}

package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Loads a test parameter from a JSON file on the test classpath (a folder or a jar alike), deserialized by the Lambda
 * runtime's own serializer into the parameter's type; {@code String}, {@code byte[]} and {@code InputStream}
 * parameters get the file as is. A path ending in {@code /} names a folder: a {@code List} parameter then gets every
 * {@code .json} file in it, sorted by name.
 *
 * <p>It works in any test, with or without {@link LambdaTest @LambdaTest}. Placeholders {@code ${region}}, {@code ${accountId}} and {@code ${functionName}} are replaced with the test's
 * function settings (or Lambda's defaults), and {@code ${name}} with the test's own {@link #placeholders()}. An unknown
 * placeholder fails the test, naming the file, line and column.
 *
 * <pre>{@code
 * @Test
 * void handlesUpload(@Event(value = "events/s3-put.json", placeholders = "key=photos/a.jpg") S3Event event,
 *                    LambdaFunction fn) {
 *     assertThat(fn.invoke(event)).succeeded();
 * }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(LambdaExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface Event {

    /** The classpath resource, e.g. {@code events/sqs.json}, or a folder ending in {@code /}. */
    String value();

    /** The test's own placeholder values, each {@code name=value}. */
    String[] placeholders() default {};
}

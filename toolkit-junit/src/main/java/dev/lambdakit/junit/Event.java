package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Loads a test parameter from a JSON file on the test classpath, deserialized by the Lambda runtime's own serializer
 * into the parameter's type; {@code String}, {@code byte[]} and {@code InputStream} parameters get the file as is.
 *
 * <pre>{@code
 * @Test
 * void handlesUpload(@Event("events/s3-put.json") S3Event event, LambdaFunction fn) {
 *     assertThat(fn.invoke(event)).succeeded();
 * }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = STABLE, since = "0.1")
public @interface Event {

    /** The classpath resource, for example {@code events/sqs.json} (a leading {@code /} is allowed). */
    String value();
}

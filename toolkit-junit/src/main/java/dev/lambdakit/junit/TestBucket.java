package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * A bucket created for this test on the test's backend, with a unique name, emptied and removed afterwards. Its name
 * goes into the function's environment under {@link #env()}.
 *
 * <pre>{@code
 * @Test
 * void archives(@TestBucket(env = "ARCHIVE_BUCKET") TestResources.Bucket archive, S3Client s3, LambdaFunction fn) {
 *     assertThat(fn.invoke(Map.of("key", "a.txt"))).succeeded();
 *     assertThat(s3.listObjectsV2(r -> r.bucket(archive.name())).keyCount()).isEqualTo(1);
 * }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = EXPERIMENTAL, since = "0.1")
public @interface TestBucket {

    /** The environment variable that receives the bucket's name; empty for none. */
    String env() default "";

    /**
     * The bucket's exact name, for handlers that hard-code theirs; by default a name unique to the test. Tests that run
     * in parallel must not share an exact name.
     */
    String name() default "";
}

package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Replays the test's AWS traffic from a recording, with no backend running; {@code -Dlambdakit.replay=record}
 * re-records it against the test's backend. The recording lives at
 * {@code src/test/resources/recordings/<TestClass>/<method>.json} unless {@link #file()} says otherwise. A request
 * with no recorded match fails the test, naming the request. Fixture names are derived from the test's id, so they
 * are the same in every run.
 *
 * <pre>{@code
 * @Test
 * @Replay
 * void archives(@TestBucket(env = "BUCKET") TestResources.Bucket bucket, LambdaFunction fn) {
 *     assertThat(fn.invoke(Map.of("key", "a.txt"))).succeeded();
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@API(status = EXPERIMENTAL, since = "0.1")
public @interface Replay {

    /** The recording, relative to the module's directory; empty for the default location. */
    String file() default "";
}

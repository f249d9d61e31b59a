package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * An SQS queue created for this test, with a unique name, optionally with a dead-letter queue, removed afterwards.
 * Its URL goes into the function's environment under {@link #env()}.
 *
 * <pre>{@code
 * @Test
 * void forwards(@TestQueue(env = "QUEUE_URL", deadLetter = true, maxReceiveCount = 2) TestResources.Queue queue,
 *               SqsClient sqs, LambdaFunction fn) {
 *     assertThat(fn.invoke(Map.of("orderId", "o-1"))).succeeded();
 *     assertThat(sqs.receiveMessage(r -> r.queueUrl(queue.url())).messages()).hasSize(1);
 * }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = EXPERIMENTAL, since = "0.1")
public @interface TestQueue {

    /** The environment variable that receives the queue's URL; empty for none. */
    String env() default "";

    /**
     * The queue's exact name, for handlers that hard-code theirs; by default a name unique to the test. Tests that run
     * in parallel must not share an exact name.
     */
    String name() default "";

    /** Whether failed messages move to a dead-letter queue. */
    boolean deadLetter() default false;

    /** Receives before a message moves to the dead-letter queue. */
    int maxReceiveCount() default 3;

    /** Seconds a received message stays invisible. */
    int visibilityTimeout() default 30;

    /** A FIFO queue, with content-based deduplication. */
    boolean fifo() default false;
}

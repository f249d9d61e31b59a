package consumer;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;

import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.cloud.TestResources;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.junit.TestBucket;
import dev.lambdakit.junit.TestQueue;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

@LambdaTest(handlerClass = ArchiveHandler.class, services = {AwsService.S3, AwsService.SQS}, timeout = "30s")
class BackendTest {

    @Test
    void embeddedS3AndSqsWithAnExactBucketName(@TestBucket(name = "fixed-archive") TestResources.Bucket bucket,
                                               @TestQueue(env = "QUEUE_URL") TestResources.Queue queue,
                                               S3Client s3, SqsClient sqs, LambdaFunction fn) {
        assertThat(fn.invoke(Map.of("key", "a.txt", "body", "hello"))).succeeded().hasPayload("\"archived\"");
        org.assertj.core.api.Assertions.assertThat(bucket.name()).isEqualTo("fixed-archive");
        org.assertj.core.api.Assertions.assertThat(
                s3.getObjectAsBytes(r -> r.bucket("fixed-archive").key("a.txt")).asUtf8String()).isEqualTo("hello");
        org.assertj.core.api.Assertions.assertThat(
                sqs.receiveMessage(r -> r.queueUrl(queue.url())).messages()).singleElement()
                .satisfies(m -> org.assertj.core.api.Assertions.assertThat(m.body()).isEqualTo("a.txt"));
    }
}

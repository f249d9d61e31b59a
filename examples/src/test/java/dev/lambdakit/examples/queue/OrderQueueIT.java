package dev.lambdakit.examples.queue;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;

import dev.lambdakit.cloud.Await;
import dev.lambdakit.cloud.SqsEventSource;
import dev.lambdakit.cloud.TestResources;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.junit.TestQueue;
import dev.lambdakit.junit.TestTable;
import dev.lambdakit.runtime.LambdaFunction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Integration layer: the consumer, unchanged, behind a simulated SQS event source mapping, against real SQS and
 * DynamoDB APIs (embedded here; LocalStack with -Dlambdakit.backend=localstack where Docker runs).
 */
@LambdaTest(handler = "dev.lambdakit.examples.queue.OrderQueueConsumer::handleRequest", timeout = "2s")
class OrderQueueIT {

    @Test
    void storesGoodOrdersAndDeadLettersBadOnes(
            @TestQueue(deadLetter = true, maxReceiveCount = 2, visibilityTimeout = 2) TestResources.Queue queue,
            @TestTable(env = "TABLE_NAME", hashKey = "orderId") TestResources.Table orders,
            LambdaFunction fn,
            SqsClient sqs,
            DynamoDbClient dynamo) {
        for (String body : List.of("{\"orderId\":\"o-1\"}", "not json", "{\"orderId\":\"o-2\"}")) {
            sqs.sendMessage(r -> r.queueUrl(queue.url()).messageBody(body));
        }
        SqsEventSource source = SqsEventSource.builder(fn, sqs, queue.url())
                .batchSize(10)
                .reportBatchItemFailures(true)
                .build();

        SqsEventSource.Batch first = source.poll();
        assertThat(first.deleted()).hasSize(2);
        assertThat(first.retried()).hasSize(1);
        assertThat(first.invocation()).succeeded().logContains("failed: body is not JSON");
        for (String id : List.of("o-1", "o-2")) {
            assertThat(dynamo.getItem(r -> r.tableName(orders.name()).key(Map.of("orderId", AttributeValue.fromS(id))))
                            .item())
                    .containsKey("status");
        }
        String dead = Await.until("the bad order in the dead-letter queue", Duration.ofSeconds(15), () -> {
            source.poll();
            return sqs
                    .receiveMessage(
                            r -> r.queueUrl(queue.deadLetter().orElseThrow().url()))
                    .messages()
                    .stream()
                    .findFirst()
                    .map(m -> m.body());
        });
        assertThat(dead).isEqualTo("not json");
    }
}

package dev.lambdakit.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.LambdaFunction;
import dev.lambdakit.testhandlers.BatchProbe;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The SQS event source mapping's rules, against the embedded SQS. */
class SqsEventSourceTest {

    TestResources resources;
    LambdaFunction function;

    @BeforeEach
    void setUp() {
        resources = new TestResources(EmbeddedBackend.shared());
        function = LambdaFunction.create(FunctionConfig.builder()
                .handler(BatchProbe.class)
                .timeout(Duration.ofSeconds(1))
                .build());
    }

    @AfterEach
    void tearDown() {
        function.close();
        resources.close();
    }

    private void send(String queueUrl, String... bodies) {
        SqsClient sqs = resources.sqs();
        for (int i = 0; i < bodies.length; i++) {
            int n = i;
            sqs.sendMessage(r -> r.queueUrl(queueUrl)
                    .messageBody(bodies[n])
                    .messageGroupId(queueUrl.endsWith(".fifo") ? "g" : null));
        }
    }

    private SqsEventSource source(String url, boolean report) {
        return SqsEventSource.builder(function, resources.sqs(), url)
                .batchSize(10)
                .reportBatchItemFailures(report)
                .build();
    }

    @Test
    @DisplayName("filters: only matching messages reach the function, the others are deleted")
    void filtersLetOnlyMatchingMessagesThrough() {
        TestResources.Queue queue = resources.queue("filtered", false, 3, 1, false);
        send(
                queue.url(),
                "{\"type\":\"order\",\"total\":12}",
                "{\"type\":\"refund\"}",
                "plain text",
                "{\"type\":\"order\",\"total\":3}");
        SqsEventSource source = SqsEventSource.builder(function, resources.sqs(), queue.url())
                .batchSize(10)
                .filter("{\"body\": {\"type\": [\"order\"], \"total\": [{\"numeric\": [\">\", 10]}]}}")
                .filter("{\"body\": [\"plain text\"]}")
                .build();

        SqsEventSource.Batch batch = source.poll();

        assertThat(batch.messageIds()).hasSize(2);
        assertThat(batch.invocation().log()).contains("ok " + batch.messageIds().get(0));
        assertThat(batch.deleted()).hasSize(4);
        assertThat(source.poll()).isNull();
    }

    @Test
    @DisplayName("a successful batch is deleted")
    void successDeletesTheBatch() {
        TestResources.Queue queue = resources.queue("ok", false, 3, 1, false);
        send(queue.url(), "ok", "ok", "ok");

        SqsEventSource.Batch batch = source(queue.url(), true).poll();

        assertThat(batch.messageIds()).hasSize(3);
        assertThat(batch.deleted()).containsExactlyElementsOf(batch.messageIds());
        assertThat(batch.retried()).isEmpty();
        assertThat(source(queue.url(), true).poll()).isNull();
    }

    @Test
    @DisplayName("ReportBatchItemFailures: only reported messages come back, after the visibility timeout")
    void onlyReportedMessagesAreRetried() {
        TestResources.Queue queue = resources.queue("partial", false, 5, 1, false);
        send(queue.url(), "ok", "fail", "ok");
        SqsEventSource source = source(queue.url(), true);

        SqsEventSource.Batch first = source.poll();
        assertThat(first.deleted()).hasSize(2);
        assertThat(first.retried()).hasSize(1);
        String failed = first.retried().get(0);

        SqsEventSource.Batch again = Await.until(
                "the failed message to come back",
                Duration.ofSeconds(10),
                () -> java.util.Optional.ofNullable(source.poll()));
        assertThat(again.messageIds()).containsExactly(failed);
        assertThat(again.invocation().logLines()).noneMatch(l -> l.startsWith("ok "));
    }

    @Test
    @DisplayName("an unknown item id or a thrown exception fails the whole batch")
    void wholeBatchFailures() {
        TestResources.Queue unknown = resources.queue("unknown", false, 5, 1, false);
        send(unknown.url(), "ok", "unknown");
        SqsEventSource.Batch batch = source(unknown.url(), true).poll();
        assertThat(batch.failedAsWhole()).isTrue();
        assertThat(batch.failureReason())
                .isEqualTo("itemIdentifier not-a-message-of-this-batch is not a message of " + "this batch");
        assertThat(batch.deleted()).isEmpty();

        TestResources.Queue thrown = resources.queue("thrown", false, 5, 1, false);
        send(thrown.url(), "ok", "throw");
        SqsEventSource.Batch failed = source(thrown.url(), true).poll();
        assertThat(failed.failureReason()).startsWith("the function failed: poison message ");
        assertThat(failed.retried()).hasSize(2);
    }

    @Test
    @DisplayName("without ReportBatchItemFailures a reported id is ignored: the batch counts as a success")
    void reportingOff() {
        TestResources.Queue queue = resources.queue("off", false, 5, 1, false);
        send(queue.url(), "fail");

        assertThat(source(queue.url(), false).poll().deleted()).hasSize(1);
    }

    @Test
    @DisplayName("a message failing maxReceiveCount times moves to the dead-letter queue")
    void deadLetterAfterMaxReceives() {
        TestResources.Queue queue = resources.queue("dlq", true, 2, 1, false);
        send(queue.url(), "throw");
        SqsEventSource source = source(queue.url(), true);

        String dead = Await.until("the message in the dead-letter queue", Duration.ofSeconds(15), () -> {
            source.poll();
            return resources
                    .sqs()
                    .receiveMessage(
                            r -> r.queueUrl(queue.deadLetter().orElseThrow().url()))
                    .messages()
                    .stream()
                    .findFirst()
                    .map(m -> m.body());
        });
        assertThat(dead).isEqualTo("throw");
    }

    @Test
    @DisplayName("FIFO: everything from the first reported failure on is retried, in order")
    void fifoStopsAtTheFirstFailure() {
        TestResources.Queue queue = resources.queue("fifo", false, 5, 1, true);
        SqsClient sqs = resources.sqs();
        sqs.sendMessageBatch(r -> r.queueUrl(queue.url())
                .entries(List.of(
                        SendMessageBatchRequestEntry.builder()
                                .id("1")
                                .messageBody("ok")
                                .messageGroupId("g")
                                .messageDeduplicationId("d1")
                                .build(),
                        SendMessageBatchRequestEntry.builder()
                                .id("2")
                                .messageBody("fail")
                                .messageGroupId("g")
                                .messageDeduplicationId("d2")
                                .build(),
                        SendMessageBatchRequestEntry.builder()
                                .id("3")
                                .messageBody("ok")
                                .messageGroupId("g")
                                .messageDeduplicationId("d3")
                                .build())));

        SqsEventSource.Batch batch = source(queue.url(), true).poll();

        assertThat(batch.messageIds()).hasSize(3);
        assertThat(batch.deleted()).containsExactly(batch.messageIds().get(0));
        assertThat(batch.retried())
                .containsExactly(batch.messageIds().get(1), batch.messageIds().get(2));
    }

    @Test
    @DisplayName("a queue whose visibility timeout is shorter than the function's timeout is refused")
    void visibilityTimeoutCheck() {
        TestResources.Queue queue = resources.queue("short", false, 5, 0, false);

        assertThatThrownBy(() -> source(queue.url(), true))
                .hasMessage("Queue visibility timeout: 0 seconds is less than Function timeout: 1 seconds");
        assertThatThrownBy(() -> SqsEventSource.builder(
                                function,
                                resources.sqs(),
                                resources.queue("big", false, 5, 1, false).url())
                        .batchSize(100)
                        .build())
                .hasMessage(
                        "A batchSize over 10 (100) needs a batching window of at least 1 second, as Lambda requires");
    }

    @Test
    @DisplayName("a batching window gathers more than one receive's worth")
    void batchingWindow() {
        TestResources.Queue queue = resources.queue("window", false, 5, 1, false);
        for (int i = 0; i < 25; i++) {
            resources.sqs().sendMessage(r -> r.queueUrl(queue.url()).messageBody("ok"));
        }
        SqsEventSource source = SqsEventSource.builder(function, resources.sqs(), queue.url())
                .batchSize(25)
                .batchWindow(Duration.ofSeconds(1))
                .build();

        List<SqsEventSource.Batch> batches = source.drain(Duration.ofSeconds(10));

        assertThat(batches.stream().mapToInt(b -> b.messageIds().size()).sum()).isEqualTo(25);
        assertThat(batches.get(0).messageIds().size()).isGreaterThan(10);
    }
}

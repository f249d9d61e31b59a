package dev.lambdakit.junit;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.lambdakit.cloud.Await;
import dev.lambdakit.cloud.AwsBackend;
import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.cloud.BackendKind;
import dev.lambdakit.cloud.EmbeddedBackend;
import dev.lambdakit.cloud.TestResources;
import dev.lambdakit.runtime.LambdaFunction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The integration layer from JUnit: backends, fixtures, injected clients, skips with reasons. */
class IntegrationTests {

    static final AtomicReference<String> BUCKET = new AtomicReference<>();

    static Events run(Class<?>... testCases) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(java.util.Arrays.stream(testCases)
                        .map(c -> selectClass(c))
                        .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute()
                .testEvents();
    }

    @Test
    @DisplayName("fixtures exist during the test, their names reach the handler's environment, and they go after")
    void fixturesAndWiring() {
        run(WiringTestCase.class).assertStatistics(s -> s.started(1).succeeded(1));

        try (TestResources other = new TestResources(EmbeddedBackend.shared())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.s3().headBucket(r -> r.bucket(BUCKET.get())))
                    .isInstanceOf(NoSuchBucketException.class);
        }
    }

    @LambdaTest(handler = "dev.lambdakit.junit.Archiver::handle", timeout = "20s")
    static class WiringTestCase {
        @Test
        void archives(
                @TestBucket(env = "BUCKET") TestResources.Bucket bucket,
                @TestQueue(env = "QUEUE_URL") TestResources.Queue queue,
                LambdaFunction fn,
                S3Client s3,
                SqsClient sqs) {
            BUCKET.set(bucket.name());
            assertThat(bucket.name()).startsWith("lk-").endsWith("-bucket");

            assertThat(fn.invoke(Map.of("key", "k.txt", "body", "hello"))).succeeded();

            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket.name()).key("k.txt"))
                            .asUtf8String())
                    .isEqualTo("hello");
            Message note = Await.until(
                    "the handler's note",
                    Duration.ofSeconds(5),
                    () -> sqs.receiveMessage(r -> r.queueUrl(queue.url())).messages().stream()
                            .findFirst());
            assertThat(note.body()).isEqualTo("stored k.txt");
            assertThat(System.getenv("AWS_ENDPOINT_URL_S3")).startsWith("http://127.0.0.1:");
            // A client the test builds the production way finds the backend too.
            try (S3Client plain = S3Client.create()) {
                assertThat(plain.listBuckets().buckets()).anyMatch(b -> b.name().equals(bucket.name()));
            }
        }
    }

    @Test
    @DisplayName("a queue with a dead-letter queue moves a message after maxReceiveCount receives")
    void deadLetterQueue() {
        run(DeadLetterTestCase.class).assertStatistics(s -> s.started(1).succeeded(1));
    }

    @LambdaTest(handlerClass = Greeter.class)
    static class DeadLetterTestCase {
        @Test
        void redrive(
                @TestQueue(deadLetter = true, maxReceiveCount = 1, visibilityTimeout = 1) TestResources.Queue queue,
                SqsClient sqs) {
            sqs.sendMessage(r -> r.queueUrl(queue.url()).messageBody("poison"));
            assertThat(sqs.receiveMessage(r -> r.queueUrl(queue.url())).messages())
                    .hasSize(1);

            Message dead = Await.until("the message in the dead-letter queue", Duration.ofSeconds(10), () -> {
                sqs.receiveMessage(r -> r.queueUrl(queue.url()));
                return sqs
                        .receiveMessage(
                                r -> r.queueUrl(queue.deadLetter().orElseThrow().url()))
                        .messages()
                        .stream()
                        .findFirst();
            });
            assertThat(dead.body()).isEqualTo("poison");
        }
    }

    @Test
    @DisplayName("a service the backend cannot serve fails the test and says which backend has it")
    void unavailableServicesFail() {
        Events events = run(UnavailableTestCase.class);
        events.assertStatistics(s -> s.started(1).failed(1));
        assertThat(failureMessages(events))
                .containsExactly("SNS has no embedded emulator; the localstack "
                        + "backend serves it where Docker runs (-Dlambdakit.backend=localstack)");
    }

    static List<String> failureMessages(Events events) {
        return messages(events.failed());
    }

    static List<String> abortMessages(Events events) {
        return messages(events.aborted());
    }

    private static List<String> messages(Events events) {
        return events.stream()
                .map(e -> e.getPayload(TestExecutionResult.class)
                        .orElseThrow()
                        .getThrowable()
                        .orElseThrow()
                        .getMessage())
                .toList();
    }

    @LambdaTest(handlerClass = Greeter.class, services = AwsService.SNS)
    static class UnavailableTestCase {
        @Test
        void sns(LambdaFunction fn) {
            assertThat(fn).isNotNull();
        }
    }

    @Test
    @DisplayName("LocalStack runs where Docker does; where it does not, a test fails, or is skipped if it opted in")
    void localStack() {
        Events events = run(LocalStackTestCase.class, OptionalLocalStackTestCase.class);
        if (dev.lambdakit.cloud.LocalStackBackend.dockerAvailable()) {
            events.assertStatistics(s -> s.started(2).succeeded(2));
        } else {
            events.assertStatistics(s -> s.started(2).failed(1).aborted(1));
            assertThat(failureMessages(events))
                    .containsExactly(
                            "@LambdaTest on " + LocalStackTestCase.class.getName()
                                    + ": the localstack backend needs a Docker engine, and none answers here. Start a Docker engine, "
                                    + "or set disabledWithoutDocker = true on the annotation to skip such tests where none runs.");
            assertThat(abortMessages(events))
                    .containsExactly("Skipped: the localstack backend needs a Docker engine, "
                            + "and none answers here (disabledWithoutDocker = true on @LambdaTest on "
                            + OptionalLocalStackTestCase.class.getName() + ")");
        }
    }

    @LambdaTest(
            handler = "dev.lambdakit.junit.Archiver::handle",
            timeout = "60s",
            backend = BackendKind.LOCALSTACK,
            disabledWithoutDocker = true)
    static class OptionalLocalStackTestCase extends LocalStackTestCase {}

    @LambdaTest(handler = "dev.lambdakit.junit.Archiver::handle", timeout = "60s", backend = BackendKind.LOCALSTACK)
    static class LocalStackTestCase {
        @Test
        void archives(
                @TestBucket(env = "BUCKET") TestResources.Bucket bucket,
                @TestQueue(env = "QUEUE_URL") TestResources.Queue queue,
                LambdaFunction fn,
                S3Client s3) {
            assertThat(fn.invoke(Map.of("key", "k.txt", "body", "hello"))).succeeded();
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket.name()).key("k.txt"))
                            .asUtf8String())
                    .isEqualTo("hello");
        }
    }

    @Test
    @DisplayName("@AllowRealAws is the only way through the guard")
    void guard() {
        run(GuardTestCase.class).assertStatistics(s -> s.started(2).succeeded(2));
    }

    @LambdaTest(handlerClass = Greeter.class)
    static class GuardTestCase {
        @Test
        void refused(LambdaFunction fn) {
            assertThat(System.getenv("LAMBDAKIT_ALLOW_REAL_AWS")).isNull();
        }

        @Test
        @AllowRealAws
        void allowed(LambdaFunction fn) {
            assertThat(fn.environmentVariables()).containsEntry("LAMBDAKIT_ALLOW_REAL_AWS", "true");
        }
    }

    @Test
    @DisplayName("a fixture parameter of the wrong type is refused with the type to use")
    void wrongFixtureType() {
        Events events = run(WrongTypeTestCase.class);
        assertThat(LambdaExtensionTests.failures(events))
                .singleElement()
                .extracting(Throwable::getMessage)
                .asString()
                .contains("@TestBucket parameter 'name' must be of type "
                        + "dev.lambdakit.cloud.TestResources.Bucket, but was java.lang.String");
    }

    @LambdaTest(handlerClass = Greeter.class)
    static class WrongTypeTestCase {
        @Test
        void wrong(@TestBucket String name) {
            assertThat(name).isNotNull();
        }
    }

    @Test
    void backendIsInjected() {
        run(BackendTestCase.class).assertStatistics(s -> s.started(1).succeeded(1));
    }

    @LambdaTest(
            handlerClass = Greeter.class,
            services = {AwsService.S3, AwsService.SQS})
    static class BackendTestCase {
        @Test
        void backend(AwsBackend backend, LambdaFunction fn) {
            assertThat(backend.name()).isEqualTo("embedded");
            assertThat(fn.environmentVariables()).containsKeys("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_SQS");
            assertThat(List.of(backend.endpoint(AwsService.S3).getHost())).containsExactly("127.0.0.1");
        }
    }

    @Test
    @DisplayName("tables with indexes on the embedded DynamoDB (dynalite), where Node.js is installed")
    void tables() {
        Events events = run(TableTestCase.class);
        if (dev.lambdakit.cloud.EmbeddedBackend.shared().supports(AwsService.DYNAMODB)) {
            events.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
            assertThat(failureMessages(events))
                    .singleElement()
                    .asString()
                    .startsWith("The embedded backend " + "created table lk-")
                    .endsWith("without a stream (dynalite has no DynamoDB Streams); the "
                            + "localstack backend supports streams");
        } else {
            events.assertStatistics(s -> s.started(2).failed(2));
        }
    }

    @LambdaTest(handlerClass = Greeter.class)
    static class TableTestCase {
        @Test
        void indexed(
                @TestTable(env = "TABLE", hashKey = "pk", rangeKey = "sk", indexes = "byStatus:status:pk")
                        TestResources.Table table,
                software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo,
                LambdaFunction fn) {
            dynamo.putItem(r -> r.tableName(table.name())
                    .item(Map.of(
                            "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("o-1"),
                            "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("v1"),
                            "status", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("NEW"))));
            var found = dynamo.query(r -> r.tableName(table.name())
                    .indexName("byStatus")
                    .keyConditionExpression("#s = :s")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(
                            Map.of(":s", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("NEW"))));
            assertThat(found.count()).isEqualTo(1);
            assertThat(fn.environmentVariables()).containsEntry("TABLE", table.name());
        }

        @Test
        void streamed(@TestTable(stream = true) TestResources.Table table) {
            assertThat(table.streamArn()).isPresent();
        }
    }
}

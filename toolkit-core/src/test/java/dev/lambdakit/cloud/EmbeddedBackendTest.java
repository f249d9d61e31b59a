package dev.lambdakit.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import dev.lambdakit.testhandlers.CloudHandlers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The embedded backend: real AWS APIs in the test JVM, reached by unchanged handler code. */
class EmbeddedBackendTest {

    static final StaticCredentialsProvider FAKE = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("ASIALAMBDAKITTEST000", "fake-secret-for-tests-only-000000000000"));

    static S3Client s3(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(FAKE)
                .forcePathStyle(true)
                .build();
    }

    static SqsClient sqs(URI endpoint) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(FAKE)
                .build();
    }

    @Test
    @DisplayName("S3Client.create() and SqsClient.create() inside a handler reach the embedded S3 and SQS")
    void handlerReachesEmbeddedServices() {
        AwsBackend backend = EmbeddedBackend.shared();
        String bucket = "lk-" + UUID.randomUUID().toString().substring(0, 8);
        try (S3Client s3 = s3(backend.endpoint(AwsService.S3));
                SqsClient sqs = sqs(backend.endpoint(AwsService.SQS))) {
            s3.createBucket(r -> r.bucket(bucket));
            String queueUrl = sqs.createQueue(r -> r.queueName(bucket)).queueUrl();
            FunctionConfig config = FunctionConfig.builder()
                    .handler(CloudHandlers.Archiver.class.getName() + "::handle")
                    .env(Backends.environment(backend, List.of(AwsService.S3, AwsService.SQS)))
                    .env("BUCKET", bucket)
                    .env("QUEUE_URL", queueUrl)
                    .timeout(Duration.ofSeconds(20))
                    .build();
            try (LambdaFunction fn = LambdaFunction.create(config)) {
                InvocationResult<String> result = fn.invoke(Map.of("key", "a/b.txt", "body", "hello"), String.class);

                assertThat(result.isSuccess()).as("%s", result).isTrue();
            }
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("a/b.txt")).asUtf8String())
                    .isEqualTo("hello");
            Message note = Await.until(
                    "the handler's note",
                    Duration.ofSeconds(5),
                    () -> sqs.receiveMessage(r -> r.queueUrl(queueUrl)).messages().stream()
                            .findFirst());
            assertThat(note.body()).isEqualTo("stored a/b.txt");
            assertThat(queueUrl).startsWith("http://127.0.0.1:");
        }
        assertThat(((EmbeddedBackend) backend).startupMillis()).containsKeys(AwsService.S3, AwsService.SQS);
        System.out.println("Embedded backend start-up (ms): " + ((EmbeddedBackend) backend).startupMillis());
    }

    @Test
    @DisplayName("DynamoDB through dynalite, where Node.js is installed")
    void dynamoDbThroughDynalite() {
        assumeTrue(
                Dynalite.unavailableReason().isEmpty(),
                () -> "skipped: " + Dynalite.unavailableReason().get());
        AwsBackend backend = EmbeddedBackend.shared();
        URI endpoint = backend.endpoint(AwsService.DYNAMODB);
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(FAKE)
                .build()) {
            String table = "lk-" + UUID.randomUUID().toString().substring(0, 8);
            dynamo.createTable(r -> r.tableName(table)
                    .keySchema(software.amazon.awssdk.services.dynamodb.model.KeySchemaElement.builder()
                            .attributeName("id")
                            .keyType(KeyType.HASH)
                            .build())
                    .attributeDefinitions(software.amazon.awssdk.services.dynamodb.model.AttributeDefinition.builder()
                            .attributeName("id")
                            .attributeType(ScalarAttributeType.S)
                            .build())
                    .billingMode("PAY_PER_REQUEST"));
            FunctionConfig config = FunctionConfig.builder()
                    .handler(CloudHandlers.TableWriter.class.getName() + "::handle")
                    .env(Backends.environment(backend, List.of(AwsService.DYNAMODB)))
                    .env("TABLE", table)
                    .timeout(Duration.ofSeconds(20))
                    .build();
            try (LambdaFunction fn = LambdaFunction.create(config)) {
                assertThat(fn.invoke("\"o-1\"").isSuccess()).isTrue();
            }
            assertThat(dynamo.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS("o-1"))))
                            .item())
                    .containsKey("id");
        }
    }

    @Test
    void servicesWithNoEmulatorNameTheBackendThatHasThem() {
        assertThatThrownBy(() -> EmbeddedBackend.shared().endpoint(AwsService.SNS))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("SNS has no embedded emulator; the localstack backend serves it where Docker runs "
                        + "(-Dlambdakit.backend=localstack)");
        assertThat(EmbeddedBackend.shared().supports(AwsService.S3)).isTrue();
    }

    @Test
    void backendOverridesAreChecked() {
        System.setProperty(BackendKind.PROPERTY, "localstack");
        try {
            assertThat(BackendKind.resolve(BackendKind.EMBEDDED)).isEqualTo(BackendKind.LOCALSTACK);
            System.setProperty(BackendKind.PROPERTY, "moto");
            assertThatThrownBy(() -> BackendKind.resolve(BackendKind.EMBEDDED))
                    .hasMessage("Unknown backend 'moto' in lambdakit.backend/LAMBDAKIT_BACKEND; valid backends are "
                            + "[embedded, localstack, external]");
        } finally {
            System.clearProperty(BackendKind.PROPERTY);
        }
        assertThat(BackendKind.resolve(BackendKind.EMBEDDED)).isEqualTo(BackendKind.EMBEDDED);
    }

    @Test
    void externalBackendNeedsAnEndpoint() {
        assertThatThrownBy(ExternalBackend::fromConfiguration)
                .hasMessage("The external backend needs an endpoint: set -Dlambdakit.endpoint=http://127.0.0.1:4566 "
                        + "(or LAMBDAKIT_ENDPOINT)");
        assertThat(new ExternalBackend(URI.create("http://127.0.0.1:4566"), "eu-west-1").endpoint(AwsService.SNS))
                .hasPort(4566);
    }
}

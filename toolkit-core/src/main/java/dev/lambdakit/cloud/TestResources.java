package dev.lambdakit.cloud;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.cloud.internal.ToolkitClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apiguardian.api.API;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Buckets, queues and tables for one test, with names unique to it, created on a backend and removed by
 * {@link #close()}; also SDK clients configured for the backend. Needs the AWS SDK's s3, sqs and dynamodb modules for
 * the services used.
 *
 * <pre>{@code
 * try (TestResources resources = new TestResources(EmbeddedBackend.shared())) {
 *     TestResources.Queue queue = resources.queue("orders", true, 3, 30, false);
 *     SqsClient sqs = resources.sqs();
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TestResources implements AutoCloseable {

    /** A bucket. */
    public record Bucket(String name) {}

    /** A queue; {@code deadLetter} when it has a redrive policy. */
    public record Queue(String name, String url, String arn, Optional<Queue> deadLetter) {}

    /** A table with a string hash key (and optional range key); {@code streamArn} when streams are on. */
    public record Table(String name, Optional<String> streamArn) {}

    private static final StaticCredentialsProvider FAKE = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("ASIALAMBDAKITFIXTURE", "lambdakit-fixture-secret-not-a-real-key00"));

    private final AwsBackend backend;
    private final String prefix;
    private final List<Runnable> cleanup = Collections.synchronizedList(new ArrayList<>());
    private S3Client s3;
    private SqsClient sqs;
    private DynamoDbClient dynamo;

    public TestResources(AwsBackend backend) {
        this(backend, UUID.randomUUID().toString());
    }

    /**
     * Resources whose names derive from {@code seed} (for example a test's unique id), so they are the same in every
     * run: what recording and replaying need.
     */
    public TestResources(AwsBackend backend, String seed) {
        this.backend = backend;
        this.prefix = "lk-" + String.format("%08x", seed.hashCode());
    }

    /** A name unique to this test: {@code lk-<8 hex>-<hint>}. */
    public String uniqueName(String hint) {
        String clean = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        String name = prefix + "-" + clean;
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = ToolkitClients.withoutGlobalInterceptors(S3Client.builder())
                    .endpointOverride(backend.endpoint(AwsService.S3))
                    .forcePathStyle(true)
                    .region(Region.of(backend.region()))
                    .credentialsProvider(FAKE)
                    .build();
        }
        return s3;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = ToolkitClients.withoutGlobalInterceptors(SqsClient.builder())
                    .endpointOverride(backend.endpoint(AwsService.SQS))
                    .region(Region.of(backend.region()))
                    .credentialsProvider(FAKE)
                    .build();
        }
        return sqs;
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamo == null) {
            dynamo = ToolkitClients.withoutGlobalInterceptors(DynamoDbClient.builder())
                    .endpointOverride(backend.endpoint(AwsService.DYNAMODB))
                    .region(Region.of(backend.region()))
                    .credentialsProvider(FAKE)
                    .build();
        }
        return dynamo;
    }

    /** Creates a bucket named {@link #uniqueName(String) uniquely} from {@code hint}; emptied and removed on close. */
    public Bucket bucket(String hint) {
        return bucketNamed(uniqueName(hint));
    }

    /**
     * Creates a bucket with exactly this name, for handlers that hard-code theirs; emptied and removed on close. Tests
     * running in parallel must not share an exact name.
     */
    public Bucket bucketNamed(String name) {
        s3().createBucket(r -> r.bucket(name));
        cleanup.add(() -> {
            s3().listObjectsV2Paginator(r -> r.bucket(name))
                    .contents()
                    .forEach(o -> s3().deleteObject(r -> r.bucket(name).key(o.key())));
            s3().deleteBucket(r -> r.bucket(name));
        });
        return new Bucket(name);
    }

    /**
     * Creates a queue, with a dead-letter queue receiving messages after {@code maxReceiveCount} receives when
     * {@code deadLetter} is set.
     */
    public Queue queue(
            String hint, boolean deadLetter, int maxReceiveCount, int visibilityTimeoutSeconds, boolean fifo) {
        return queueNamed(uniqueName(hint), deadLetter, maxReceiveCount, visibilityTimeoutSeconds, fifo);
    }

    /**
     * {@link #queue} with exactly this name (a FIFO queue's {@code .fifo} suffix added if missing; the dead-letter
     * queue is {@code <name>-dlq}). Tests running in parallel must not share an exact name.
     */
    public Queue queueNamed(
            String name, boolean deadLetter, int maxReceiveCount, int visibilityTimeoutSeconds, boolean fifo) {
        String base = fifo && name.endsWith(".fifo") ? name.substring(0, name.length() - 5) : name;
        Optional<Queue> dlq = deadLetter ? Optional.of(createQueue(base + "-dlq", Map.of(), fifo)) : Optional.empty();
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds));
        dlq.ifPresent(d -> attributes.put(
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + d.arn() + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}"));
        Queue main = createQueue(base, attributes, fifo);
        return new Queue(main.name(), main.url(), main.arn(), dlq);
    }

    private Queue createQueue(String base, Map<QueueAttributeName, String> attributes, boolean fifo) {
        String name = base + (fifo ? ".fifo" : "");
        Map<QueueAttributeName, String> all = new HashMap<>(attributes);
        if (fifo) {
            all.put(QueueAttributeName.FIFO_QUEUE, "true");
            all.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true");
        }
        String url = sqs().createQueue(r -> r.queueName(name).attributes(all)).queueUrl();
        String arn = sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        cleanup.add(() -> sqs().deleteQueue(r -> r.queueUrl(url)));
        return new Queue(name, url, arn, Optional.empty());
    }

    /** Creates a table keyed by string attributes; streams need a backend that supports them (not dynalite). */
    public Table table(String hint, String hashKey, String rangeKey, boolean stream) {
        return table(hint, hashKey, rangeKey, stream, List.of());
    }

    /**
     * Creates a table with global secondary indexes, each written {@code name:hashKey} or
     * {@code name:hashKey:rangeKey} (string keys, all attributes projected).
     *
     * @throws IllegalArgumentException for an index written otherwise
     */
    public Table table(String hint, String hashKey, String rangeKey, boolean stream, List<String> indexes) {
        return tableNamed(uniqueName(hint), hashKey, rangeKey, stream, indexes);
    }

    /**
     * {@link #table(String, String, String, boolean, List)} with exactly this name, for handlers that hard-code
     * theirs. Tests running in parallel must not share an exact name.
     */
    public Table tableNamed(String name, String hashKey, String rangeKey, boolean stream, List<String> indexes) {
        List<KeySchemaElement> keys = new ArrayList<>();
        List<AttributeDefinition> definitions = new ArrayList<>();
        keys.add(KeySchemaElement.builder()
                .attributeName(hashKey)
                .keyType(KeyType.HASH)
                .build());
        definitions.add(AttributeDefinition.builder()
                .attributeName(hashKey)
                .attributeType(ScalarAttributeType.S)
                .build());
        if (rangeKey != null && !rangeKey.isEmpty()) {
            keys.add(KeySchemaElement.builder()
                    .attributeName(rangeKey)
                    .keyType(KeyType.RANGE)
                    .build());
            definitions.add(AttributeDefinition.builder()
                    .attributeName(rangeKey)
                    .attributeType(ScalarAttributeType.S)
                    .build());
        }
        List<software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex> gsis = new ArrayList<>();
        for (String index : indexes) {
            String[] parts = index.split(":");
            if (parts.length < 2 || parts.length > 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
                throw new IllegalArgumentException(
                        "Index '" + index + "' must be written name:hashKey or " + "name:hashKey:rangeKey");
            }
            List<KeySchemaElement> indexKeys = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i];
                indexKeys.add(KeySchemaElement.builder()
                        .attributeName(attribute)
                        .keyType(i == 1 ? KeyType.HASH : KeyType.RANGE)
                        .build());
                if (definitions.stream().noneMatch(d -> d.attributeName().equals(attribute))) {
                    definitions.add(AttributeDefinition.builder()
                            .attributeName(attribute)
                            .attributeType(ScalarAttributeType.S)
                            .build());
                }
            }
            gsis.add(software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex.builder()
                    .indexName(parts[0])
                    .keySchema(indexKeys)
                    .projection(
                            p -> p.projectionType(software.amazon.awssdk.services.dynamodb.model.ProjectionType.ALL))
                    .build());
        }
        var created = dynamoDb()
                .createTable(r -> {
                    r.tableName(name)
                            .keySchema(keys)
                            .attributeDefinitions(definitions)
                            .billingMode("PAY_PER_REQUEST");
                    if (!gsis.isEmpty()) {
                        r.globalSecondaryIndexes(gsis);
                    }
                    if (stream) {
                        r.streamSpecification(
                                s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
                    }
                })
                .tableDescription();
        cleanup.add(() -> dynamoDb().deleteTable(r -> r.tableName(name)));
        if (stream && created.latestStreamArn() == null) {
            throw new ServiceUnavailableException(
                    AwsService.DYNAMODB,
                    "The " + backend.name() + " backend created "
                            + "table " + name
                            + " without a stream (dynalite has no DynamoDB Streams); the localstack backend "
                            + "supports streams");
        }
        return new Table(name, Optional.ofNullable(created.latestStreamArn()));
    }

    /** Creates a table as a template declares it; removed on close. */
    void createTable(software.amazon.awssdk.services.dynamodb.model.CreateTableRequest request) {
        dynamoDb().createTable(request);
        cleanup.add(() -> dynamoDb().deleteTable(r -> r.tableName(request.tableName())));
    }

    /** The endpoint of a service on this backend. */
    public URI endpoint(AwsService service) {
        return backend.endpoint(service);
    }

    /** Removes every resource, newest first, then closes the clients; failures are collected, not thrown early. */
    @Override
    public void close() {
        List<Runnable> steps = new ArrayList<>(cleanup);
        Collections.reverse(steps);
        RuntimeException first = null;
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        cleanup.clear();
        for (AutoCloseable client : new AutoCloseable[] {s3, sqs, dynamo}) {
            if (client != null) {
                try {
                    client.close();
                } catch (Exception ignored) {
                    // closing a client cannot fail in a way a test cares about
                }
            }
        }
        if (first != null) {
            throw new IllegalStateException("Could not remove every test resource: " + first.getMessage(), first);
        }
    }
}

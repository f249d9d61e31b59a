package dev.lambdakit.junit;

import dev.lambdakit.cloud.AwsBackend;
import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.cloud.BackendKind;
import dev.lambdakit.cloud.TemplateResources;
import dev.lambdakit.cloud.TestResources;
import dev.lambdakit.replay.RecordingBackend;
import dev.lambdakit.replay.ReplayMode;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A test's link to its AWS backend: the services it uses started and wired into the function's environment, and its
 * declared buckets, queues and tables created before the function exists (so their names can be in its
 * environment) and removed when the test ends.
 */
final class Integration extends StoreResource {

    private static final Set<String> CLIENT_TYPES = Set.of(
            "software.amazon.awssdk.services.s3.S3Client",
            "software.amazon.awssdk.services.sqs.SqsClient",
            "software.amazon.awssdk.services.dynamodb.DynamoDbClient");

    final AwsBackend backend;
    final TestResources resources;
    final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<Integer, Object> fixtures = new LinkedHashMap<>();

    private Integration(AwsBackend backend, String seed) {
        this.backend = backend;
        this.resources = new TestResources(backend, seed);
    }

    static Path recordingFile(ExtensionContext context, Replay replay) {
        if (!replay.file().isEmpty()) {
            return Path.of(replay.file());
        }
        return Path.of(
                "src",
                "test",
                "resources",
                "recordings",
                context.getRequiredTestClass().getSimpleName(),
                context.getRequiredTestMethod().getName() + ".json");
    }

    /** Requests a replay found no recording for; empty when not replaying. */
    List<String> replayMismatches() {
        return backend instanceof RecordingBackend r && !r.isRecording() ? r.mismatches() : List.of();
    }

    /** Whether a parameter asks for something of the backend. */
    static boolean isIntegrationParameter(Parameter p) {
        return p.isAnnotationPresent(TestBucket.class)
                || p.isAnnotationPresent(TestQueue.class)
                || p.isAnnotationPresent(TestTable.class)
                || p.getType() == AwsBackend.class
                || p.getType() == TestResources.class
                || CLIENT_TYPES.contains(p.getType().getName());
    }

    /**
     * Opens the backend when the test uses one.
     *
     * @throws org.opentest4j.TestAbortedException when the test opted to be skipped without Docker and none runs
     * @throws RuntimeException                    when the backend or a service cannot run here, saying why
     */
    static Optional<Integration> open(ExtensionContext context, LambdaTest annotation) {
        Set<AwsService> services = EnumSet.noneOf(AwsService.class);
        services.addAll(List.of(annotation.services()));
        Method method = context.getRequiredTestMethod();
        boolean parameters = false;
        for (Parameter p : method.getParameters()) {
            if (isIntegrationParameter(p)) {
                parameters = true;
                implied(p).ifPresent(services::add);
            }
        }
        boolean replayed = AnnotationSupport.isAnnotated(method, Replay.class)
                || AnnotationSupport.isAnnotated(context.getRequiredTestClass(), Replay.class);
        if (services.isEmpty() && !parameters && !replayed) {
            return Optional.empty();
        }
        Optional<Replay> replay = AnnotationSupport.findAnnotation(method, Replay.class)
                .or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), Replay.class));
        AwsBackend backend;
        String seed = context.getUniqueId();
        if (replay.isPresent() && ReplayMode.resolve() == ReplayMode.REPLAY) {
            backend = RecordingBackend.replay(recordingFile(context, replay.get()));
        } else {
            backend = BackendGate.open(
                    BackendKind.resolve(annotation.backend()),
                    services,
                    annotation.disabledWithoutDocker(),
                    "@LambdaTest on " + context.getRequiredTestClass().getName());
            if (replay.isPresent()) {
                backend = RecordingBackend.record(backend, recordingFile(context, replay.get()));
            } else {
                seed = UUID.randomUUID().toString();
            }
        }
        Integration integration = new Integration(backend, seed);
        try {
            for (AwsService service : services) {
                integration.environment.put(
                        service.endpointVariable(),
                        integration.backend.endpoint(service).toString());
            }
            if (!annotation.template().isEmpty() && !services.isEmpty()) {
                String owner =
                        "@LambdaTest on " + context.getRequiredTestClass().getName();
                TemplateResources.create(
                        TemplateFiles.load(annotation.template(), annotation.parameters(), annotation.region(), owner),
                        integration.resources,
                        services);
            }
            Parameter[] ps = method.getParameters();
            for (int i = 0; i < ps.length; i++) {
                integration.createFixture(i, ps[i]);
            }
        } catch (RuntimeException e) {
            try {
                integration.close();
            } catch (Exception cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return Optional.of(integration);
    }

    private static Optional<AwsService> implied(Parameter p) {
        String type = p.getType().getName();
        if (p.isAnnotationPresent(TestBucket.class) || type.endsWith(".S3Client")) {
            return Optional.of(AwsService.S3);
        }
        if (p.isAnnotationPresent(TestQueue.class) || type.endsWith(".SqsClient")) {
            return Optional.of(AwsService.SQS);
        }
        if (p.isAnnotationPresent(TestTable.class) || type.endsWith(".DynamoDbClient")) {
            return Optional.of(AwsService.DYNAMODB);
        }
        return Optional.empty();
    }

    private void createFixture(int index, Parameter p) {
        String hint = p.isNamePresent() ? p.getName() : "arg" + index;
        if (p.isAnnotationPresent(TestBucket.class)) {
            expect(p, TestResources.Bucket.class, "@TestBucket");
            String exact = p.getAnnotation(TestBucket.class).name();
            TestResources.Bucket bucket = exact.isEmpty() ? resources.bucket(hint) : resources.bucketNamed(exact);
            publish(p.getAnnotation(TestBucket.class).env(), bucket.name());
            fixtures.put(index, bucket);
        } else if (p.isAnnotationPresent(TestQueue.class)) {
            expect(p, TestResources.Queue.class, "@TestQueue");
            TestQueue q = p.getAnnotation(TestQueue.class);
            TestResources.Queue queue = resources.queueNamed(
                    q.name().isEmpty() ? resources.uniqueName(hint) : q.name(),
                    q.deadLetter(),
                    q.maxReceiveCount(),
                    q.visibilityTimeout(),
                    q.fifo());
            publish(q.env(), queue.url());
            fixtures.put(index, queue);
        } else if (p.isAnnotationPresent(TestTable.class)) {
            expect(p, TestResources.Table.class, "@TestTable");
            TestTable t = p.getAnnotation(TestTable.class);
            TestResources.Table table = resources.tableNamed(
                    t.name().isEmpty() ? resources.uniqueName(hint) : t.name(),
                    t.hashKey(),
                    t.rangeKey(),
                    t.stream(),
                    List.of(t.indexes()));
            publish(t.env(), table.name());
            fixtures.put(index, table);
        }
    }

    private static void expect(Parameter p, Class<?> type, String annotation) {
        if (p.getType() != type) {
            throw new ParameterResolutionException(annotation + " parameter '" + p.getName() + "' must be of type "
                    + type.getCanonicalName() + ", but was " + p.getType().getName());
        }
    }

    private void publish(String variable, String value) {
        if (!variable.isEmpty()) {
            environment.put(variable, value);
        }
    }

    /** What to inject for parameter {@code index}. */
    Object resolve(int index, Parameter p) {
        if (fixtures.containsKey(index)) {
            return fixtures.get(index);
        }
        if (p.getType() == AwsBackend.class) {
            return backend;
        }
        if (p.getType() == TestResources.class) {
            return resources;
        }
        return switch (p.getType().getSimpleName()) {
            case "S3Client" -> resources.s3();
            case "SqsClient" -> resources.sqs();
            case "DynamoDbClient" -> resources.dynamoDb();
            default -> throw new ParameterResolutionException("Cannot inject " + p);
        };
    }

    @Override
    protected void release() {
        try {
            resources.close();
        } finally {
            if (backend instanceof RecordingBackend r) {
                r.close();
            }
        }
    }
}

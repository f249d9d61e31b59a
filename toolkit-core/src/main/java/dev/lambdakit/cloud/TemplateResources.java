package dev.lambdakit.cloud;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.events.internal.JsonText;
import dev.lambdakit.template.SamTemplate;
import dev.lambdakit.template.TemplateResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates a template's buckets, queues and tables on a test's backend, under the names the template's functions
 * receive, and removes them with the {@link TestResources} that made them.
 *
 * <pre>{@code
 * try (TestResources resources = new TestResources(backend)) {
 *     TemplateResources.create(SamTemplate.load(Path.of("template.yaml")), resources, List.of(AwsService.DYNAMODB));
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TemplateResources {

    private TemplateResources() {}

    /**
     * Creates each of the template's resources whose service is among {@code services}.
     *
     * @return one line per resource created ({@code AWS::SQS::Queue OrdersQueue as local-OrdersQueue}), and one per
     *     resource left out, saying why
     */
    public static List<String> create(SamTemplate template, TestResources resources, Collection<AwsService> services) {
        List<String> report = new ArrayList<>();
        Map<String, String> queueArns = new HashMap<>();
        List<TemplateResource> redriven = new ArrayList<>();
        for (TemplateResource r : template.resources()) {
            AwsService service = serviceOf(r.type());
            String line = r.type() + " " + r.logicalId() + " as " + r.name();
            if (!services.contains(service)) {
                report.add(line + ": not created, the test does not use " + service);
                continue;
            }
            switch (r.type()) {
                case "AWS::S3::Bucket" -> resources.bucketNamed(r.name());
                case "AWS::SQS::Queue" -> {
                    TestResources.Queue queue = queue(r, resources);
                    queueArns.put(r.logicalId(), queue.arn());
                    if (r.properties().get("RedrivePolicy") instanceof Map<?, ?>) {
                        redriven.add(r);
                    }
                }
                case "AWS::DynamoDB::Table" -> resources.createTable(table(r));
                case "AWS::Serverless::SimpleTable" -> resources.createTable(simpleTable(r));
                default -> {
                    report.add(line + ": not created, LambdaKit creates buckets, queues and tables");
                    continue;
                }
            }
            report.add(line);
        }
        // Dead-letter queues exist now, whatever their order in the template.
        for (TemplateResource r : redriven) {
            Map<?, ?> policy = (Map<?, ?>) r.properties().get("RedrivePolicy");
            String json = "{\"deadLetterTargetArn\":"
                    + JsonText.quote(String.valueOf(policy.get("deadLetterTargetArn"))) + ",\"maxReceiveCount\":"
                    + JsonText.quote(String.valueOf(policy.get("maxReceiveCount"))) + "}";
            String url = resources.sqs().getQueueUrl(q -> q.queueName(r.name())).queueUrl();
            resources
                    .sqs()
                    .setQueueAttributes(
                            q -> q.queueUrl(url).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, json)));
        }
        return report;
    }

    private static AwsService serviceOf(String type) {
        return switch (type) {
            case "AWS::S3::Bucket" -> AwsService.S3;
            case "AWS::SQS::Queue" -> AwsService.SQS;
            case "AWS::SNS::Topic" -> AwsService.SNS;
            default -> AwsService.DYNAMODB;
        };
    }

    private static TestResources.Queue queue(TemplateResource r, TestResources resources) {
        Map<String, Object> p = r.properties();
        boolean fifo = Boolean.parseBoolean(String.valueOf(p.get("FifoQueue")));
        int visibility =
                p.get("VisibilityTimeout") == null ? 30 : Integer.parseInt(String.valueOf(p.get("VisibilityTimeout")));
        return resources.queueNamed(r.name(), false, 1, visibility, fifo);
    }

    private static CreateTableRequest table(TemplateResource r) {
        Map<String, Object> p = r.properties();
        String where = "Resources." + r.logicalId() + ".Properties";
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(r.name())
                .billingMode("PAY_PER_REQUEST")
                .keySchema(keys(p.get("KeySchema"), where + ".KeySchema"))
                .attributeDefinitions(maps(p.get("AttributeDefinitions"), where + ".AttributeDefinitions").stream()
                        .map(d -> AttributeDefinition.builder()
                                .attributeName(String.valueOf(d.get("AttributeName")))
                                .attributeType(String.valueOf(d.get("AttributeType")))
                                .build())
                        .toList());
        List<GlobalSecondaryIndex> global = new ArrayList<>();
        for (Map<?, ?> index : maps(p.get("GlobalSecondaryIndexes"), where + ".GlobalSecondaryIndexes")) {
            global.add(GlobalSecondaryIndex.builder()
                    .indexName(String.valueOf(index.get("IndexName")))
                    .keySchema(keys(index.get("KeySchema"), where + ".GlobalSecondaryIndexes"))
                    .projection(projection(index.get("Projection")))
                    .build());
        }
        List<LocalSecondaryIndex> local = new ArrayList<>();
        for (Map<?, ?> index : maps(p.get("LocalSecondaryIndexes"), where + ".LocalSecondaryIndexes")) {
            local.add(LocalSecondaryIndex.builder()
                    .indexName(String.valueOf(index.get("IndexName")))
                    .keySchema(keys(index.get("KeySchema"), where + ".LocalSecondaryIndexes"))
                    .projection(projection(index.get("Projection")))
                    .build());
        }
        if (!global.isEmpty()) {
            request.globalSecondaryIndexes(global);
        }
        if (!local.isEmpty()) {
            request.localSecondaryIndexes(local);
        }
        if (p.get("StreamSpecification") instanceof Map<?, ?> stream && stream.get("StreamViewType") != null) {
            request.streamSpecification(
                    s -> s.streamEnabled(true).streamViewType(String.valueOf(stream.get("StreamViewType"))));
        }
        return request.build();
    }

    /** SAM's table: {@code PrimaryKey: {Name, Type}} with Type String, Number or Binary; {@code id} String by default. */
    private static CreateTableRequest simpleTable(TemplateResource r) {
        Map<?, ?> key = r.properties().get("PrimaryKey") instanceof Map<?, ?> k ? k : Map.of();
        String name = key.get("Name") == null ? "id" : String.valueOf(key.get("Name"));
        String type = key.get("Type") == null ? "String" : String.valueOf(key.get("Type"));
        String attributeType = type.substring(0, 1).toUpperCase(Locale.ROOT);
        return CreateTableRequest.builder()
                .tableName(r.name())
                .billingMode("PAY_PER_REQUEST")
                .keySchema(KeySchemaElement.builder()
                        .attributeName(name)
                        .keyType("HASH")
                        .build())
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName(name)
                        .attributeType(attributeType)
                        .build())
                .build();
    }

    private static List<KeySchemaElement> keys(Object schema, String where) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Map<?, ?> k : maps(schema, where)) {
            keys.add(KeySchemaElement.builder()
                    .attributeName(String.valueOf(k.get("AttributeName")))
                    .keyType(String.valueOf(k.get("KeyType")))
                    .build());
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(where + " is required to create the table");
        }
        return keys;
    }

    private static Projection projection(Object projection) {
        Map<?, ?> p = projection instanceof Map<?, ?> m ? m : Map.of("ProjectionType", "ALL");
        Projection.Builder built = Projection.builder().projectionType(String.valueOf(p.get("ProjectionType")));
        if (p.get("NonKeyAttributes") instanceof List<?> attributes) {
            built.nonKeyAttributes(attributes.stream().map(String::valueOf).toList());
        }
        return built.build();
    }

    private static List<Map<?, ?>> maps(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(where + " must be a list, but was " + value);
        }
        List<Map<?, ?>> maps = new ArrayList<>();
        for (Object item : list) {
            maps.add(item instanceof Map<?, ?> m ? m : new LinkedHashMap<>());
        }
        return maps;
    }
}

package dev.lambdakit.template.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.lambdakit.env.internal.Partitions;
import dev.lambdakit.function.LambdaConfigurationException;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * What {@code Ref} and {@code Fn::GetAtt} return for a template's resources, with the names a test's local
 * resources get: the name property where the template gives one, else {@code <stack>-<LogicalId>} (lower case for
 * buckets). CloudFormation adds a random suffix to generated names; a test wants them predictable.
 */
@API(status = INTERNAL, since = "0.1")
public final class ResourceNames {

    private final Map<String, Object> resources;
    private final String stackName;
    private final String region;
    private final String accountId;
    /** Resolves intrinsics in a name property ({@code QueueName: !Sub "${Stage}-orders"}). */
    private UnaryOperator<Object> resolver = UnaryOperator.identity();

    public ResourceNames(Map<String, Object> resources, String stackName, String region, String accountId) {
        this.resources = resources;
        this.stackName = stackName;
        this.region = region;
        this.accountId = accountId;
    }

    void resolveWith(UnaryOperator<Object> resolver) {
        this.resolver = resolver;
    }

    /** The resource's type, or null when the template has no such resource. */
    public String type(String logicalId) {
        return resources.get(logicalId) instanceof Map<?, ?> r && r.get("Type") instanceof String t ? t : null;
    }

    /** The resource's physical name: the name property when it is plain text, else a generated one. */
    public String name(String logicalId) {
        String type = type(logicalId);
        String property = switch (type == null ? "" : type) {
            case "AWS::Serverless::Function", "AWS::Lambda::Function" -> "FunctionName";
            case "AWS::S3::Bucket" -> "BucketName";
            case "AWS::SQS::Queue" -> "QueueName";
            case "AWS::DynamoDB::Table" -> "TableName";
            case "AWS::Serverless::SimpleTable" -> "TableName";
            case "AWS::SNS::Topic" -> "TopicName";
            case "AWS::Kinesis::Stream", "AWS::SSM::Parameter", "AWS::SecretsManager::Secret" -> "Name";
            case "AWS::Events::EventBus", "AWS::Events::Rule" -> "Name";
            case "AWS::IAM::Role" -> "RoleName";
            case "AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine" -> "StateMachineName";
            default -> null;
        };
        Object declared = property == null ? null : properties(logicalId).get(property);
        Object given = declared == null ? null : resolver.apply(declared);
        if (given instanceof String s) {
            return s;
        }
        if ("AWS::Serverless::Function".equals(type)) {
            return logicalId; // as sam local names it
        }
        String generated = stackName + "-" + logicalId;
        if ("AWS::S3::Bucket".equals(type)) {
            generated = generated.toLowerCase(Locale.ROOT);
        }
        if ("AWS::SQS::Queue".equals(type)
                && Boolean.TRUE.equals(flag(properties(logicalId).get("FifoQueue")))) {
            generated += ".fifo";
        }
        return generated;
    }

    /** {@code Ref} of a resource. */
    public String ref(String logicalId) {
        if (type(logicalId) == null) {
            return apiId(logicalId); // SAM's implicit ServerlessRestApi and ServerlessHttpApi
        }
        String name = name(logicalId);
        return switch (type(logicalId)) {
            case "AWS::SQS::Queue" -> queueUrl(name);
            case "AWS::SNS::Topic" -> arn("sns", name);
            case "AWS::SecretsManager::Secret" -> arn("secretsmanager", "secret:" + name);
            case "AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine" ->
                arn("states", "stateMachine:" + name);
            case "AWS::Serverless::Api",
                    "AWS::Serverless::HttpApi",
                    "AWS::ApiGateway::RestApi",
                    "AWS::ApiGatewayV2::Api" -> apiId(logicalId);
            default -> name;
        };
    }

    /** {@code Fn::GetAtt} of a resource. */
    public String attribute(String logicalId, String attribute, String where) {
        String type = type(logicalId);
        String name = name(logicalId);
        String value = switch (type + "." + attribute) {
            case "AWS::Serverless::Function.Arn", "AWS::Lambda::Function.Arn" -> arn("lambda", "function:" + name);
            case "AWS::S3::Bucket.Arn" -> "arn:" + partition() + ":s3:::" + name;
            case "AWS::S3::Bucket.DomainName" ->
                name + ".s3." + Partitions.of(region).dnsSuffix();
            case "AWS::S3::Bucket.RegionalDomainName" ->
                name + ".s3." + region + "." + Partitions.of(region).dnsSuffix();
            case "AWS::SQS::Queue.Arn" -> arn("sqs", name);
            case "AWS::SQS::Queue.QueueName" -> name;
            case "AWS::SQS::Queue.QueueUrl" -> queueUrl(name);
            case "AWS::DynamoDB::Table.Arn", "AWS::Serverless::SimpleTable.Arn" -> arn("dynamodb", "table/" + name);
            case "AWS::DynamoDB::Table.StreamArn" ->
                arn("dynamodb", "table/" + name) + "/stream/1970-01-01T00:00:00.000";
            case "AWS::SNS::Topic.TopicName" -> name;
            case "AWS::SNS::Topic.TopicArn" -> arn("sns", name);
            case "AWS::Kinesis::Stream.Arn" -> arn("kinesis", "stream/" + name);
            case "AWS::IAM::Role.Arn" -> "arn:" + partition() + ":iam::" + accountId + ":role/" + name;
            case "AWS::Events::EventBus.Arn" -> arn("events", "event-bus/" + name);
            case "AWS::Events::Rule.Arn" -> arn("events", "rule/" + name);
            case "AWS::SecretsManager::Secret.Id" -> arn("secretsmanager", "secret:" + name);
            case "AWS::StepFunctions::StateMachine.Arn", "AWS::Serverless::StateMachine.Arn" ->
                arn("states", "stateMachine:" + name);
            default -> null;
        };
        if (value == null) {
            throw new LambdaConfigurationException(
                    "template",
                    where + ": Fn::GetAtt " + logicalId + "." + attribute + " is not one LambdaKit knows for a "
                            + type + "; known: Arn of functions, buckets, queues, tables, streams, roles, buses, rules"
                            + " and state machines, QueueName, QueueUrl, StreamArn, TopicName, DomainName, "
                            + "RegionalDomainName");
        }
        return value;
    }

    private Map<?, ?> properties(String logicalId) {
        return resources.get(logicalId) instanceof Map<?, ?> r && r.get("Properties") instanceof Map<?, ?> p
                ? p
                : Map.of();
    }

    private static Object flag(Object value) {
        return value instanceof String s ? Boolean.valueOf(s) : value;
    }

    private String queueUrl(String name) {
        return "https://sqs." + region + "." + Partitions.of(region).dnsSuffix() + "/" + accountId + "/" + name;
    }

    private String arn(String service, String resource) {
        return "arn:" + partition() + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    private String partition() {
        return Partitions.id(region);
    }

    /** Ten lower-case letters and digits, as API Gateway ids look, the same for the same stack and resource. */
    private String apiId(String logicalId) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        long h = (stackName + "/" + logicalId).hashCode() & 0xffffffffL;
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            id.append(alphabet.charAt((int) (h % alphabet.length())));
            h = h * 31 + 7;
            h &= 0xffffffffffL;
        }
        return id.toString();
    }
}

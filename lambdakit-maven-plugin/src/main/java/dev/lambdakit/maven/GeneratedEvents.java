package dev.lambdakit.maven;

import dev.lambdakit.events.ApiGatewayEvents;
import dev.lambdakit.events.DynamoDbEvents;
import dev.lambdakit.events.EventBridgeEvents;
import dev.lambdakit.events.EventJson;
import dev.lambdakit.events.KinesisEvents;
import dev.lambdakit.events.S3Events;
import dev.lambdakit.events.SnsEvents;
import dev.lambdakit.events.SqsEvents;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.MojoExecutionException;

/** The events {@code generate-event} and {@code invoke -Devent.type=...} build, with LambdaKit's event builders. */
final class GeneratedEvents {

    static final List<String> TYPES =
            List.of("sqs", "sns", "s3", "dynamodb", "kinesis", "apigateway", "httpapi", "eventbridge", "schedule");

    private GeneratedEvents() {}

    /**
     * @param option the goal's options by name ({@code body}, {@code queue}, {@code bucket}, {@code key}, ...), null
     *     where not given
     */
    static String generate(String type, UnaryOperator<String> option) throws MojoExecutionException {
        String body = or(option.apply("body"), null);
        return switch (type.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "sqs" ->
                SqsEvents.queue(or(option.apply("queue"), "my-queue"))
                        .message(or(body, "Hello from SQS!"))
                        .toJson();
            case "sns" ->
                SnsEvents.topic(or(option.apply("topic"), "my-topic"))
                        .message(or(body, "Hello from SNS!"))
                        .toJson();
            case "s3" ->
                S3Events.bucket(or(option.apply("bucket"), "example-bucket"))
                        .put(or(option.apply("key"), "test/key"), Long.parseLong(or(option.apply("size"), "1024")))
                        .toJson();
            case "dynamodb" ->
                DynamoDbEvents.table(or(option.apply("table"), "my-table"))
                        .keys("id")
                        .insert(body == null ? Map.of("id", "1") : asMap(EventJson.toTree(body)))
                        .toJson();
            case "kinesis" ->
                KinesisEvents.stream(or(option.apply("stream"), "my-stream"))
                        .record(or(option.apply("partitionKey"), "partition-1"), or(body, "Hello from Kinesis!"))
                        .toJson();
            case "apigateway" ->
                ApiGatewayEvents.rest()
                        .method(or(option.apply("method"), "GET"), or(option.apply("path"), "/"))
                        .textBody(or(body, ""))
                        .toJson();
            case "httpapi" ->
                ApiGatewayEvents.httpApi()
                        .method(or(option.apply("method"), "GET"), or(option.apply("path"), "/"))
                        .textBody(or(body, ""))
                        .toJson();
            case "eventbridge" ->
                EventBridgeEvents.event(
                                or(option.apply("source"), "com.example.orders"),
                                or(option.apply("detailType"), "OrderPlaced"),
                                body == null ? Map.of() : EventJson.toTree(body))
                        .toJson();
            case "schedule" ->
                EventBridgeEvents.scheduled(or(option.apply("rule"), "my-schedule"))
                        .toJson();
            default ->
                throw new MojoExecutionException(
                        "Event type '" + type + "' is not one LambdaKit generates; types: " + TYPES);
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asMap(Object tree) throws MojoExecutionException {
        if (tree instanceof Map<?, ?> map) {
            return (Map<String, ?>) map;
        }
        throw new MojoExecutionException("-Dbody for a DynamoDB event must be a JSON object (the new image)");
    }

    private static String or(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}

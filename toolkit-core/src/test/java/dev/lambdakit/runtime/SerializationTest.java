package dev.lambdakit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lambdakit.events.EventJson;
import dev.lambdakit.function.FunctionConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Events reach handlers exactly as the runtime's serializer makes them; responses leave the same way. */
class SerializationTest {

    static String sample(String name) {
        try (InputStream in = SerializationTest.class.getResourceAsStream("/aws-sample-events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing sample " + name, e);
        }
    }

    private static InvocationResult<String> invoke(Class<?> handler, Object event) {
        try (LambdaFunction fn =
                LambdaFunction.create(FunctionConfig.builder().handler(handler).build())) {
            return fn.invoke(event, String.class);
        }
    }

    public static class S3Summary implements RequestHandler<S3Event, String> {
        @Override
        public String handleRequest(S3Event e, Context c) {
            var record = e.getRecords().get(0);
            return record.getS3().getObject().getKey() + "|"
                    + record.getEventTime().getYear() + "|"
                    + record.getS3().getBucket().getName();
        }
    }

    public static class SqsSummary implements RequestHandler<SQSEvent, String> {
        @Override
        public String handleRequest(SQSEvent e, Context c) {
            return e.getRecords().get(0).getMessageId() + "|"
                    + e.getRecords().get(0).getEventSourceArn() + "|"
                    + e.getRecords().get(0).getAttributes().get("ApproximateReceiveCount");
        }
    }

    public static class SnsSummary implements RequestHandler<SNSEvent, String> {
        @Override
        public String handleRequest(SNSEvent e, Context c) {
            return e.getRecords().get(0).getSNS().getMessage() + "|"
                    + e.getRecords().get(0).getEventSource();
        }
    }

    public static class DynamoSummary implements RequestHandler<DynamodbEvent, String> {
        @Override
        public String handleRequest(DynamodbEvent e, Context c) {
            var record = e.getRecords().get(0).getDynamodb();
            return record.getKeys().get("Id").getN() + "|"
                    + record.getNewImage().get("Message").getS() + "|"
                    + (record.getApproximateCreationDateTime().getTime() / 1000);
        }
    }

    public static class MapSize implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> m, Context c) {
            return String.valueOf(m.get("n"));
        }
    }

    public static class ListSize implements RequestHandler<List<Integer>, String> {
        @Override
        public String handleRequest(List<Integer> l, Context c) {
            return String.valueOf(l.size());
        }
    }

    public static class Repeat implements RequestHandler<Integer, String> {
        @Override
        public String handleRequest(Integer n, Context c) {
            return "x".repeat(n);
        }
    }

    @Test
    @DisplayName("S3 events go through the runtime's S3 serializer: key as sent, times parsed")
    void s3Event() {
        InvocationResult<String> result = invoke(S3Summary.class, sample("s3_event.json"));

        assertThat(result.output()).isEqualTo("test/key|1970|example-bucket");
    }

    @Test
    @DisplayName("SQS events keep their attributes and the eventSourceARN casing")
    void sqsEvent() {
        InvocationResult<String> result = invoke(SqsSummary.class, sample("sqs/sqs_event_nobody.json"));

        assertThat(result.output()).endsWith("|arn:aws:sqs:eu-central-1:123456789012:TestLambda|1");
    }

    @Test
    @DisplayName("SNS events use the UpperCamelCase names SNS sends")
    void snsEvent() {
        InvocationResult<String> result = invoke(SnsSummary.class, sample("sns_event.json"));

        assertThat(result.output()).isEqualTo("{\n  \"id\": 42,\n  \"name\": \"Bob\"\n}|aws:sns");
    }

    @Test
    @DisplayName("DynamoDB stream records keep typed attribute values and epoch-second dates")
    void dynamoDbEvent() {
        InvocationResult<String> result = invoke(DynamoSummary.class, sample("ddb/dynamo_event.json"));

        assertThat(result.output()).isEqualTo("101|New item!|1428537600");
    }

    @Test
    @DisplayName("a POJO event is serialized as the runtime serializes its class, then read back by the handler")
    void pojoEventsRoundTrip() {
        SQSEvent event = EventJson.fromJson(sample("sqs/sqs_event_product.json"), SQSEvent.class);

        InvocationResult<String> result = invoke(SqsSummary.class, event);

        assertThat(result.output())
                .startsWith(event.getRecords().get(0).getMessageId() + "|"
                        + event.getRecords().get(0).getEventSourceArn());
    }

    @Test
    void mapsAndBytesAreAcceptedAsEvents() {
        assertThat(invoke(MapSize.class, Map.of("n", 3)).output()).isEqualTo("3");
        assertThat(invoke(ListSize.class, "[1,2,3]".getBytes(StandardCharsets.UTF_8))
                        .output())
                .isEqualTo("3");
    }

    @Test
    @DisplayName("malformed JSON fails as the runtime fails it: An error occurred during JSON parsing")
    void malformedJson() {
        InvocationResult<String> result = invoke(MapSize.class, "{\"truncated\": ");

        LambdaError error = result.error().orElseThrow();
        assertThat(result.payloadAsString())
                .isEqualTo("{\"errorMessage\":\"An error occurred during JSON parsing\","
                        + "\"errorType\":\"java.lang.RuntimeException\",\"stackTrace\":[]}");
        assertThat(error.cause()).isNotNull();
        assertThat(error.cause().getCause()).isNotNull();
    }

    @Test
    void jsonOfTheWrongShapeFailsParsingToo() {
        InvocationResult<String> result = invoke(Repeat.class, "{\"an\":\"object\"}");

        assertThat(result.error())
                .get()
                .extracting(LambdaError::errorMessage)
                .isEqualTo("An error occurred during JSON parsing");
    }

    @Test
    void requestsOverSixMegabytesAreRefusedBeforeInvoking() {
        byte[] big = new byte[6 * 1024 * 1024 + 1];
        try (LambdaFunction fn = LambdaFunction.of("dev.lambdakit.testhandlers.Handlers$Stream")) {
            assertThatThrownBy(() -> fn.invoke(big))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Request must be smaller than 6291456 bytes for the InvokeFunction operation "
                            + "(the event is 6291457 bytes)");
        }
    }

    @Test
    void responsesOverSixMegabytesFail() {
        InvocationResult<String> result = invoke(Repeat.class, "6291600");

        assertThat(result.error()).get().extracting(LambdaError::errorType).isEqualTo("Function.ResponseSizeTooLarge");
    }
}

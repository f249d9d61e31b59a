package dev.lambdakit.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreSignUpEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent;
import com.amazonaws.services.lambda.runtime.events.S3BatchEvent;
import com.amazonaws.services.lambda.runtime.events.S3BatchEventV2;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.SecretsManagerRotationEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each sample read into its event class and written back by the runtime's own serializer keeps its data. Where
 * the runtime's serializer is known to change a sample, the difference is listed here, with the reason.
 */
class SampleRoundTripTest {

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("apigw_rest_event.json", APIGatewayProxyRequestEvent.class, List.of()),
                Arguments.of("apigw_http_event.json", APIGatewayV2HTTPEvent.class, List.of()),
                Arguments.of("apigw_websocket_event.json", APIGatewayV2WebSocketEvent.class, List.of()),
                Arguments.of("elb_event.json", ApplicationLoadBalancerRequestEvent.class, List.of()),
                Arguments.of("sqs/sqs_event_nobody.json", SQSEvent.class, List.of()),
                Arguments.of("sns_event.json", SNSEvent.class, List.of()),
                Arguments.of("s3_event.json", S3Event.class, List.of()),
                // java.util.Date keeps milliseconds: sub-millisecond digits of the timestamp are lost.
                Arguments.of(
                        "ddb/dynamo_event.json",
                        DynamodbEvent.class,
                        List.of(".Records[1].dynamodb.ApproximateCreationDateTime: 1.6357344071234567E9 -> "
                                + "1.635734407123E9")),
                Arguments.of("kinesis_event.json", KinesisEvent.class, List.of()),
                // Joda DateTime is written back with milliseconds: same instant, different text.
                Arguments.of(
                        "cloudwatch_event.json",
                        ScheduledEvent.class,
                        List.of(".time: 2020-09-30T15:58:34Z -> 2020-09-30T15:58:34.000Z")),
                Arguments.of("cloudwatchlogs_event.json", CloudWatchLogsEvent.class, List.of()),
                Arguments.of("firehose_event.json", KinesisFirehoseEvent.class, List.of()),
                // Header values are byte[]: read from arrays of signed bytes, written back as Base64 text.
                Arguments.of(
                        "kafka_event.json",
                        KafkaEvent.class,
                        List.of(".records.mytopic-01[0].headers[0].headerKey: [104, 101, 97, 100, 101, 114, 86, 97,"
                                + " 108, 117, 101] -> aGVhZGVyVmFsdWU=")),
                Arguments.of("cognito/cognito_userpool_presignup.json", CognitoUserPoolPreSignUpEvent.class, List.of()),
                Arguments.of(
                        "cognito/cognito_userpool_pre_token_generation.json",
                        CognitoUserPoolPreTokenGenerationEvent.class,
                        List.of()),
                Arguments.of("secrets_rotation_event.json", SecretsManagerRotationEvent.class, List.of()),
                Arguments.of("s3_batch_event.json", S3BatchEvent.class, List.of()),
                Arguments.of("s3_batch_event_v2.json", S3BatchEventV2.class, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @DisplayName("sample -> event class -> JSON through the runtime's serializer keeps every value")
    void roundTrip(String sample, Class<?> type, List<String> knownLosses) {
        Object original = withoutNulls(EventJson.fromJson(EventFidelityTest.sample(sample), Object.class));
        Object event = EventJson.fromJson(EventFidelityTest.sample(sample), type);
        Object written = withoutNulls(EventJson.fromJson(EventJson.toJsonString(event), Object.class));

        List<String> differences = new ArrayList<>();
        diff("", original, written, differences);
        assertThat(differences)
                .as("documented losses still happen (else drop them from the list)")
                .containsAll(knownLosses);
        differences.removeAll(knownLosses);
        assertThat(differences)
                .as("values changed by the runtime serializer for %s", sample)
                .isEmpty();
    }

    /** The runtime's serializer leaves out nulls (NON_NULL), so a handler cannot tell null from absent. */
    static Object withoutNulls(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    out.put(String.valueOf(k), withoutNulls(v));
                }
            });
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(withoutNulls(v)));
            return out;
        }
        return node;
    }

    static void diff(String path, Object a, Object b, List<String> out) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            TreeSet<String> keys = new TreeSet<>();
            ma.keySet().forEach(k -> keys.add(String.valueOf(k)));
            mb.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (String k : keys) {
                diff(path + "." + k, ma.get(k), mb.get(k), out);
            }
        } else if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
            for (int i = 0; i < la.size(); i++) {
                diff(path + "[" + i + "]", la.get(i), lb.get(i), out);
            }
        } else if (a instanceof Number na && b instanceof Number nb) {
            if (Double.compare(na.doubleValue(), nb.doubleValue()) != 0) {
                out.add(path + ": " + a + " -> " + b);
            }
        } else if (!java.util.Objects.equals(a, b)) {
            out.add(path + ": " + a + " -> " + b);
        }
    }
}

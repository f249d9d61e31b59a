package dev.lambdakit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lambdakit.events.internal.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class EventBuildersTest {

    @Test
    void aSeedAndAClockMakeTheOutputRepeatable() {
        String a = Scenarios.fixed(SqsEvents.queue("q")).message("x").toJson();
        String b = Scenarios.fixed(SqsEvents.queue("q")).message("x").toJson();
        String c = Scenarios.fixed(SqsEvents.queue("q")).seed(43).message("x").toJson();

        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(Scenarios.fixed(SqsEvents.queue("q")).message("x").toBytes())
                .isEqualTo(a.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void invalidArgumentsAreNamed() {
        assertThatThrownBy(() -> SqsEvents.queue(null)).hasMessage("queueName must not be null");
        assertThatThrownBy(() -> SqsEvents.queue("q").accountId("12"))
                .hasMessage("accountId must be 12 digits, but was '12'");
        assertThatThrownBy(() -> SecretsManagerEvents.rotation("s").step("rotate"))
                .hasMessage(
                        "step must be one of [createSecret, setSecret, testSecret, finishSecret], but was 'rotate'");
    }

    @Nested
    class Sqs {
        @Test
        void standardQueueMessages() {
            SQSEvent event = SqsEvents.queue("orders")
                    .region("eu-west-1")
                    .accountId("111122223333")
                    .message(m -> m.body("hello")
                            .messageId("m-1")
                            .attribute("tenant", "acme")
                            .receiveCount(3))
                    .messages(2, i -> "body-" + i)
                    .build();

            assertThat(event.getRecords()).hasSize(3);
            SQSEvent.SQSMessage first = event.getRecords().get(0);
            assertThat(first.getMessageId()).isEqualTo("m-1");
            assertThat(first.getEventSourceArn()).isEqualTo("arn:aws:sqs:eu-west-1:111122223333:orders");
            assertThat(first.getAttributes())
                    .containsEntry("ApproximateReceiveCount", "3")
                    .doesNotContainKey("MessageGroupId");
            assertThat(first.getMessageAttributes().get("tenant").getStringValue())
                    .isEqualTo("acme");
            assertThat(first.getMd5OfBody()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
            assertThat(first.getMd5OfMessageAttributes()).matches("[0-9a-f]{32}");
            assertThat(event.getRecords().get(2).getBody()).isEqualTo("body-1");
        }

        @Test
        void fifoQueueMessagesCarryGroupAndDeduplication() {
            SQSEvent event = SqsEvents.queue("orders.fifo")
                    .message(m -> m.body("a").groupId("g1"))
                    .build();

            Map<String, String> attributes = event.getRecords().get(0).getAttributes();
            assertThat(attributes).containsEntry("MessageGroupId", "g1").containsKey("SequenceNumber");
            assertThat(attributes.get("MessageDeduplicationId"))
                    .isEqualTo("ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
        }

        @Test
        void fifoSettingsOnAStandardQueueAreRefused() {
            assertThatThrownBy(() -> SqsEvents.queue("orders")
                            .message(m -> m.body("a").groupId("g"))
                            .build())
                    .hasMessageContaining("queue 'orders' is a standard queue (FIFO queue names end in .fifo)");
        }
    }

    @Test
    void snsNotifications() {
        SNSEvent event = SnsEvents.topic("alerts")
                .message(n -> n.subject("Hi").message("m").attribute("k", "v"))
                .message("plain")
                .build();

        assertThat(event.getRecords()).hasSize(2);
        assertThat(event.getRecords().get(0).getSNS().getSubject()).isEqualTo("Hi");
        assertThat(event.getRecords()
                        .get(0)
                        .getSNS()
                        .getMessageAttributes()
                        .get("k")
                        .getValue())
                .isEqualTo("v");
        assertThat(event.getRecords().get(1).getSNS().getSubject()).isNull();
        assertThat(event.getRecords().get(0).getSNS().getTopicArn())
                .isEqualTo("arn:aws:sns:us-east-1:123456789012:alerts");
    }

    @Test
    void s3KeysAreEncodedAsS3SendsThem() {
        S3Events.Builder builder = S3Events.bucket("uploads")
                .put("photos/summer 2026/ä+b.jpg", 52_000)
                .delete("tmp/x");
        S3Event event = builder.build();

        var put = event.getRecords().get(0);
        assertThat(put.getEventName()).isEqualTo("ObjectCreated:Put");
        assertThat(put.getS3().getObject().getKey()).isEqualTo("photos/summer+2026/%C3%A4%2Bb.jpg");
        assertThat(put.getS3().getObject().getUrlDecodedKey()).isEqualTo("photos/summer 2026/ä+b.jpg");
        assertThat(put.getS3().getObject().getSizeAsLong()).isEqualTo(52_000L);
        var delete = event.getRecords().get(1);
        assertThat(delete.getEventName()).isEqualTo("ObjectRemoved:Delete");
        assertThat(builder.toJson()).containsOnlyOnce("\"size\"");
    }

    @Nested
    class DynamoDb {
        @Test
        void imagesFromJavaValues() {
            DynamodbEvent event = DynamoDbEvents.table("orders")
                    .insert(new LinkedHashMap<>(Map.of("id", "o-1", "total", 42)))
                    .modify(Map.of("id", "o-1", "paid", false), Map.of("id", "o-1", "paid", true))
                    .remove(Map.of("id", "o-1"))
                    .build();

            var insert = event.getRecords().get(0);
            assertThat(insert.getEventName()).isEqualTo("INSERT");
            assertThat(insert.getDynamodb().getKeys().get("id").getS()).isEqualTo("o-1");
            assertThat(insert.getDynamodb().getNewImage().get("total").getN()).isEqualTo("42");
            assertThat(insert.getDynamodb().getOldImage()).isNull();
            var modify = event.getRecords().get(1);
            assertThat(modify.getDynamodb().getOldImage().get("paid").getBOOL()).isFalse();
            assertThat(modify.getDynamodb().getNewImage().get("paid").getBOOL()).isTrue();
            assertThat(event.getRecords().get(2).getDynamodb().getNewImage()).isNull();
            assertThat(insert.getEventSourceARN())
                    .startsWith("arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/");
            assertThat(new java.math.BigInteger(modify.getDynamodb().getSequenceNumber()))
                    .isGreaterThan(new java.math.BigInteger(insert.getDynamodb().getSequenceNumber()));
        }

        @Test
        void everyAttributeType() {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("s", "text");
            item.put("n", new java.math.BigDecimal("1.50"));
            item.put("b", new byte[] {1, 2});
            item.put("null", null);
            item.put("list", List.of("a", 1));
            item.put("map", Map.of("inner", true));
            item.put("ss", Set.of("x"));
            item.put("ns", Set.of(7));
            item.put("sdk", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {3})));

            assertThat(JsonText.write(AttributeValues.fromJava(item)))
                    .isEqualTo("{\"s\":{\"S\":\"text\"},"
                            + "\"n\":{\"N\":\"1.50\"},\"b\":{\"B\":\"AQI=\"},\"null\":{\"NULL\":true},"
                            + "\"list\":{\"L\":[{\"S\":\"a\"},{\"N\":\"1\"}]},\"map\":{\"M\":{\"inner\":{\"BOOL\":true}}},"
                            + "\"ss\":{\"SS\":[\"x\"]},\"ns\":{\"NS\":[\"7\"]},\"sdk\":{\"B\":\"Aw==\"}}");
        }

        @Test
        void sdkAttributeValues() {
            Map<String, AttributeValue> item = Map.of(
                    "pk",
                    AttributeValue.fromS("u#1"),
                    "tags",
                    AttributeValue.fromSs(List.of("a", "b")),
                    "nested",
                    AttributeValue.fromM(Map.of("n", AttributeValue.fromN("3"))));
            DynamodbEvent event =
                    DynamoDbEvents.table("users").keys("pk").insert(item).build();

            var image = event.getRecords().get(0).getDynamodb().getNewImage();
            assertThat(image.get("pk").getS()).isEqualTo("u#1");
            assertThat(image.get("tags").getSS()).containsExactly("a", "b");
            assertThat(image.get("nested").getM().get("n").getN()).isEqualTo("3");
        }

        @Test
        void viewTypesAndKeyErrors() {
            DynamodbEvent keysOnly = DynamoDbEvents.table("t")
                    .viewType(DynamoDbEvents.StreamViewType.KEYS_ONLY)
                    .insert(Map.of("id", "1", "x", 2))
                    .build();
            assertThat(keysOnly.getRecords().get(0).getDynamodb().getNewImage()).isNull();
            assertThat(keysOnly.getRecords().get(0).getDynamodb().getStreamViewType())
                    .isEqualTo("KEYS_ONLY");

            assertThatThrownBy(() -> DynamoDbEvents.table("t")
                            .keys("pk")
                            .insert(Map.of("id", "1"))
                            .build())
                    .hasMessage("The item has no key attribute 'pk'; its attributes are [id]");
            assertThatThrownBy(() -> AttributeValues.fromJava(Map.of("when", new Object())))
                    .hasMessageContaining("Attribute 'when' has a java.lang.Object, which has no DynamoDB type");
        }
    }

    @Test
    void kinesisDataIsBase64() {
        KinesisEvent event = KinesisEvents.stream("clicks")
                .record("u-1", "{\"page\":\"/\"}")
                .records(2, i -> "r" + i)
                .build();

        var record = event.getRecords().get(0);
        assertThat(StandardCharsets.UTF_8.decode(record.getKinesis().getData()).toString())
                .isEqualTo("{\"page\":\"/\"}");
        assertThat(record.getKinesis().getPartitionKey()).isEqualTo("u-1");
        assertThat(record.getEventSourceARN()).isEqualTo("arn:aws:kinesis:us-east-1:123456789012:stream/clicks");
        assertThat(event.getRecords()).hasSize(3);
    }

    record OrderPlaced(String orderId, int total) {}

    @Test
    void eventBridgeDetailIsATypedObject() {
        ScheduledEvent event = EventBridgeEvents.event("com.acme.orders", "OrderPlaced", new OrderPlaced("o-1", 42))
                .resource("arn:aws:acme::1:order/o-1")
                .build();

        assertThat(event.getDetailType()).isEqualTo("OrderPlaced");
        assertThat(event.getSource()).isEqualTo("com.acme.orders");
        assertThat(event.getDetail()).containsEntry("orderId", "o-1").containsEntry("total", 42);
        Map<?, ?> detail = EventBridgeEvents.detail(event, Map.class);
        assertThat(detail.get("total")).isEqualTo(42);
        ScheduledEvent tick = EventBridgeEvents.scheduled("nightly").build();
        assertThat(tick.getResources()).containsExactly("arn:aws:events:us-east-1:123456789012:rule/nightly");
        assertThat(tick.getDetailType()).isEqualTo("Scheduled Event");
    }

    @Test
    void cloudWatchLogsAreGzippedAndDecodable() {
        var event = CloudWatchLogsEvents.logGroup("/aws/lambda/orders")
                .logEvent("ERROR boom")
                .logEvent("INFO ok")
                .build();

        String payload = CloudWatchLogsEvents.decode(event);
        assertThat(Base64.getDecoder().decode(event.getAwsLogs().getData())).startsWith((byte) 0x1f, (byte) 0x8b);
        assertThat(payload)
                .contains("\"logGroup\":\"/aws/lambda/orders\"")
                .contains("\"message\":\"ERROR boom\"")
                .contains("\"messageType\":\"DATA_MESSAGE\"");
    }

    @Test
    void kafkaRecordsAreGroupedByTopicPartition() {
        KafkaEvent event = KafkaEvents.msk("c1")
                .record("orders", 0, "k", "a", Map.of("h", "v"))
                .record("orders", 0, null, "b")
                .record("orders", 1, null, "c")
                .build();

        assertThat(event.getRecords()).containsOnlyKeys("orders-0", "orders-1");
        var first = event.getRecords().get("orders-0").get(0);
        assertThat(new String(Base64.getDecoder().decode(first.getValue()), StandardCharsets.UTF_8))
                .isEqualTo("a");
        assertThat(first.getHeaders().get(0).get("h")).isEqualTo("v".getBytes(StandardCharsets.UTF_8));
        assertThat(event.getRecords().get("orders-0").get(1).getOffset()).isEqualTo(first.getOffset() + 1);
        assertThat(KafkaEvents.selfManaged("k:9092")
                        .record("t", 0, null, "x")
                        .build()
                        .getEventSource())
                .isEqualTo("SelfManagedKafka");
    }

    @Nested
    class Http {
        @Test
        void restApiLayout() {
            APIGatewayProxyRequestEvent event = ApiGatewayEvents.rest()
                    .get("/orders/{id}", "/orders/42?expand=1")
                    .header("X-Tenant", "a")
                    .header("X-Tenant", "b")
                    .query("tag", "x")
                    .query("tag", "y z")
                    .cookie("s", "1")
                    .cookie("t", "2")
                    .stage("v1")
                    .build();

            assertThat(event.getResource()).isEqualTo("/orders/{id}");
            assertThat(event.getPathParameters()).containsEntry("id", "42");
            assertThat(event.getHeaders()).containsEntry("X-Tenant", "b").containsEntry("Cookie", "s=1; t=2");
            assertThat(event.getMultiValueHeaders().get("X-Tenant")).containsExactly("a", "b");
            assertThat(event.getQueryStringParameters())
                    .containsEntry("expand", "1")
                    .containsEntry("tag", "y z");
            assertThat(event.getMultiValueQueryStringParameters().get("tag")).containsExactly("x", "y z");
            assertThat(event.getRequestContext().getPath()).isEqualTo("/v1/orders/42");
            assertThat(event.getBody()).isNull();
            assertThat(ApiGatewayEvents.rest().get("/").build().getQueryStringParameters())
                    .isNull();
        }

        @Test
        void bodiesAndAuthorizers() {
            APIGatewayProxyRequestEvent json = ApiGatewayEvents.rest()
                    .post("/o")
                    .jsonBody(Map.of("a", 1))
                    .jwt(Map.of("sub", "u-1"))
                    .build();
            assertThat(json.getBody()).isEqualTo("{\"a\":1}");
            assertThat(json.getHeaders()).containsEntry("Content-Type", "application/json");
            assertThat(json.getRequestContext().getAuthorizer()).containsEntry("claims", Map.of("sub", "u-1"));

            APIGatewayV2HTTPEvent binary = ApiGatewayEvents.httpApi()
                    .put("/f")
                    .base64Body(new byte[] {1, 2, 3}, "application/octet-stream")
                    .iam("arn:aws:iam::123456789012:user/jane")
                    .build();
            assertThat(binary.getIsBase64Encoded()).isTrue();
            assertThat(binary.getBody()).isEqualTo("AQID");
            assertThat(binary.getRequestContext().getAuthorizer().getIam().getUserArn())
                    .isEqualTo("arn:aws:iam::123456789012:user/jane");

            APIGatewayV2HTTPEvent form = ApiGatewayEvents.httpApi()
                    .post("/login")
                    .formBody(new LinkedHashMap<>(Map.of("user", "jane doe")))
                    .build();
            assertThat(form.getBody()).isEqualTo("user=jane+doe");
            assertThat(form.getHeaders()).containsEntry("content-type", "application/x-www-form-urlencoded");
        }

        @Test
        void httpApiLayout() {
            APIGatewayV2HTTPEvent event = ApiGatewayEvents.httpApi()
                    .get("/items/{id}", "/items/9")
                    .header("X-Multi", "a")
                    .header("X-Multi", "b")
                    .query("q", "a b")
                    .query("q", "c")
                    .cookie("s", "1")
                    .jwt(Map.of("sub", "u"), "items/read")
                    .sourceIp("198.51.100.7")
                    .build();

            assertThat(event.getRouteKey()).isEqualTo("GET /items/{id}");
            assertThat(event.getHeaders()).containsEntry("x-multi", "a,b").doesNotContainKey("cookie");
            assertThat(event.getCookies()).containsExactly("s=1");
            assertThat(event.getRawQueryString()).isEqualTo("q=a%20b&q=c");
            assertThat(event.getQueryStringParameters()).containsEntry("q", "a b,c");
            assertThat(event.getPathParameters()).containsEntry("id", "9");
            assertThat(event.getRequestContext().getAuthorizer().getJwt().getScopes())
                    .containsExactly("items/read");
            assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("198.51.100.7");
            assertThat(ApiGatewayEvents.functionUrl()
                            .get("/")
                            .build()
                            .getRequestContext()
                            .getDomainName())
                    .endsWith(".lambda-url.us-east-1.on.aws");
        }

        @Test
        void routeMismatchIsRefused() {
            assertThatThrownBy(() -> ApiGatewayEvents.httpApi().get("/items/{id}", "/orders/9"))
                    .hasMessage("path '/orders/9' does not match route '/items/{id}' at segment 'orders'");
            assertThatThrownBy(() -> ApiGatewayEvents.httpApi().get("items"))
                    .hasMessage("path must start with '/', but was 'items'");
        }

        @Test
        void albDoesNotDecodeQueryStrings() {
            ApplicationLoadBalancerRequestEvent single = AlbEvents.request()
                    .get("/s")
                    .query("q", "red shoes")
                    .header("X-A", "1")
                    .build();
            assertThat(single.getQueryStringParameters()).containsEntry("q", "red%20shoes");
            assertThat(single.getHeaders()).containsEntry("x-a", "1");
            assertThat(single.getMultiValueHeaders()).isNull();

            ApplicationLoadBalancerRequestEvent multi = AlbEvents.request()
                    .get("/s")
                    .query("q", "a")
                    .query("q", "b")
                    .multiValueHeaders()
                    .build();
            assertThat(multi.getMultiValueQueryStringParameters().get("q")).containsExactly("a", "b");
            assertThat(multi.getHeaders()).isNull();
        }

        @Test
        void webSocketLifecycle() {
            APIGatewayV2WebSocketEvent connect =
                    ApiGatewayEvents.webSocket("c-1").connect().query("t", "x").build();
            APIGatewayV2WebSocketEvent message =
                    ApiGatewayEvents.webSocket("c-1").message("send", "{}").build();
            APIGatewayV2WebSocketEvent disconnect =
                    ApiGatewayEvents.webSocket("c-1").disconnect().build();

            assertThat(connect.getRequestContext().getEventType()).isEqualTo("CONNECT");
            assertThat(connect.getHeaders()).containsKey("Sec-WebSocket-Key");
            assertThat(message.getRequestContext().getRouteKey()).isEqualTo("send");
            assertThat(message.getBody()).isEqualTo("{}");
            assertThat(message.getHeaders()).isNull();
            assertThat(disconnect.getRequestContext().getRouteKey()).isEqualTo("$disconnect");
            assertThat(disconnect.getRequestContext().getConnectionId()).isEqualTo("c-1");
        }
    }

    @Test
    void cognitoSecretsAndBatchJobs() {
        var signUp = CognitoEvents.preSignUp("jane")
                .userAttribute("email", "j@example.com")
                .build();
        assertThat(signUp.getTriggerSource()).isEqualTo("PreSignUp_SignUp");
        assertThat(signUp.getRequest().getUserAttributes()).containsEntry("email", "j@example.com");
        assertThat(signUp.getResponse().getAutoConfirmUser()).isFalse();
        var token = CognitoEvents.preTokenGeneration("jane").group("admins").build();
        assertThat(token.getRequest().getGroupConfiguration().getGroupsToOverride())
                .containsExactly("admins");
        assertThat(token.getResponse().getClaimsOverrideDetails()).isNull();

        var rotation = SecretsManagerEvents.rotation("db")
                .step("finishSecret")
                .clientRequestToken("v2")
                .build();
        assertThat(rotation.getStep()).isEqualTo("finishSecret");
        assertThat(rotation.getClientRequestToken()).isEqualTo("v2");
        assertThat(rotation.getSecretId()).startsWith("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-");

        assertThat(S3BatchEvents.v1().task("b", "k").build().getTasks().get(0).getS3BucketArn())
                .isEqualTo("arn:aws:s3:::b");
        assertThat(S3BatchEvents.v2()
                        .userArgument("a", "1")
                        .task("b", "k")
                        .build()
                        .getJob()
                        .getUserArguments())
                .containsEntry("a", "1");
        Map<?, ?> ses = SesEvents.received("a@example.com", "b@example.com")
                .subject("S")
                .build();
        assertThat(JsonText.write(ses)).contains("\"subject\":\"S\"").contains("\"eventSource\":\"aws:ses\"");
    }

    @Test
    void everyRecordBuilderMakesBatchesOfN() {
        assertThat(SqsEvents.queue("q").messages(25, i -> "m" + i).build().getRecords())
                .hasSize(25);
        assertThat(SnsEvents.topic("t").messages(3, i -> "m" + i).build().getRecords())
                .hasSize(3);
        assertThat(S3Events.bucket("b").puts(4, i -> "k" + i, 1).build().getRecords())
                .hasSize(4);
        assertThat(DynamoDbEvents.table("t")
                        .inserts(5, i -> Map.of("id", "i" + i))
                        .build()
                        .getRecords())
                .hasSize(5);
        assertThat(KinesisEvents.stream("s").records(6, i -> "d" + i).build().getRecords())
                .hasSize(6);
        assertThat(FirehoseEvents.deliveryStream("d")
                        .records(7, i -> "r" + i)
                        .build()
                        .getRecords())
                .hasSize(7);
        assertThat(KafkaEvents.msk("c")
                        .records("t", 2, 8, i -> "v" + i)
                        .build()
                        .getRecords()
                        .get("t-2"))
                .hasSize(8);
        assertThat(CloudWatchLogsEvents.decode(CloudWatchLogsEvents.logGroup("/g")
                        .logEvents(9, i -> "l" + i)
                        .build()))
                .contains("\"message\":\"l8\"");
        assertThat(S3BatchEvents.v1().tasks("b", 10, i -> "k" + i).build().getTasks())
                .hasSize(10);
        assertThat(S3BatchEvents.v2().tasks("b", 11, i -> "k" + i).build().getTasks())
                .hasSize(11);
    }
}

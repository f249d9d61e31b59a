package dev.lambdakit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ActiveMQEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCustomMessageEvent;
import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.RabbitMQEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Behaviour of the builders for the less common triggers, beyond field coverage and delivery. */
class MoreTriggersTest {

    @Test
    @DisplayName("ActiveMQ: the builder's physicalName reaches the handler; the sample's physicalname would not")
    void activeMqDestination() {
        ActiveMQEvent sample = EventJson.fromJson(EventFidelityTest.sample("mq_event.json"), ActiveMQEvent.class);
        ActiveMQEvent built = Scenarios.fixed(MqEvents.activeMq("b"))
                .textMessage("orders", "x")
                .build();

        assertThat(sample.getMessages().get(0).getDestination().getPhysicalName())
                .as("the runtime's serializer matches the key's case")
                .isNull();
        assertThat(built.getMessages().get(0).getDestination().getPhysicalName())
                .isEqualTo("orders");
        assertThat(built.getMessages().get(0).getData()).isEqualTo("eA==");
    }

    @Test
    @DisplayName("DynamoDB SizeBytes follows DynamoDB's item-size rules, as in AWS's sample")
    void dynamoDbSizeBytesMatchesTheSample() {
        DynamodbTimeWindowEvent sample = EventJson.fromJson(
                EventFidelityTest.sample("ddb/dynamo_time_window_event.json"), DynamodbTimeWindowEvent.class);
        DynamodbEvent built = Scenarios.fixed(DynamoDbEvents.table("t"))
                .keys("Id")
                .insert(Map.of("Id", 101, "Message", "New item!"))
                .modify(
                        Map.of("Id", 101, "Message", "New item!"),
                        Map.of("Id", 101, "Message", "This item has changed"))
                .build();

        assertThat(built.getRecords())
                .extracting(r -> r.getDynamodb().getSizeBytes())
                .containsExactly(
                        sample.getRecords().get(0).getDynamodb().getSizeBytes(),
                        sample.getRecords().get(1).getDynamodb().getSizeBytes())
                .containsExactly(26L, 59L);
    }

    @ParameterizedTest(name = "{0} takes {1} bytes")
    @CsvSource({"101, 3", "1000, 2", "12345, 4", "0.05, 2", "-5, 3", "0, 2", "1.5e10, 2", "123456789012, 7"})
    void numberSizes(String number, long bytes) {
        assertThat(AttributeValues.numberSize(number)).isEqualTo(bytes);
    }

    @Test
    @DisplayName("a tumbling window keeps the batch's settings and lies on the window grid")
    void tumblingWindow() {
        KinesisTimeWindowEvent e = Scenarios.fixed(KinesisEvents.stream("clicks"))
                .region("ap-south-1")
                .record("p", "d")
                .tumblingWindow(Duration.ofMinutes(5))
                .state("count", "3")
                .finalInvoke()
                .build();

        assertThat(e.getWindow().getStart()).isEqualTo("2026-11-26T12:00:00Z");
        assertThat(e.getWindow().getEnd()).isEqualTo("2026-11-26T12:05:00Z");
        assertThat(e.getState()).containsEntry("count", "3");
        assertThat(e.getIsFinalInvokeForWindow()).isTrue();
        assertThat(e.getIsWindowTerminatedEarly()).isFalse();
        assertThat(e.getEventSourceArn()).isEqualTo("arn:aws:kinesis:ap-south-1:123456789012:stream/clicks");
        assertThat(e.getRecords())
                .singleElement()
                .satisfies(r -> assertThat(r.getAwsRegion()).isEqualTo("ap-south-1"));
        assertThatThrownBy(() -> KinesisEvents.stream("s").tumblingWindow(Duration.ofMinutes(16)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a tumbling window lasts more than 0 and at most 15 minutes, but was PT16M");
    }

    @Test
    @DisplayName("Firehose records from a Kinesis stream carry the stream's metadata")
    void firehoseFromKinesis() {
        String json = Scenarios.fixed(FirehoseEvents.deliveryStream("d"))
                .sourceStream("raw")
                .record("a")
                .toJson();
        KinesisFirehoseEvent e = EventJson.fromJson(json, KinesisFirehoseEvent.class);

        assertThat(json)
                .contains("\"sourceKinesisStreamArn\":\"arn:aws:kinesis:eu-central-1:123456789012:stream/raw\"");
        assertThat(e.getRecords().get(0).getKinesisRecordMetadata())
                .containsEntry("shardId", "shardId-000000000000")
                .containsEntry("partitionKey", "partition-0")
                .containsEntry("approximateArrivalTimestamp", "2026-11-26T12:00:00.123Z")
                .containsEntry("sequenceNumber", e.getRecords().get(0).getRecordId());
    }

    @Test
    @DisplayName("RabbitMQ: text headers arrive as bytes; a header needs a message and a supported type")
    void rabbitMqHeaders() {
        RabbitMQEvent e = Scenarios.fixed(MqEvents.rabbitMq("b"))
                .virtualHost("prod")
                .message("orders", "x")
                .header("kind", "new")
                .header("n", 10)
                .build();

        var props = e.getRmqMessagesByQueue().get("orders::prod").get(0).getBasicProperties();
        assertThat(props.getHeaders()).containsEntry("n", 10);
        assertThat(props.getHeaders().get("kind")).isEqualTo(Map.of("bytes", List.of(110, 101, 119)));
        assertThat(props.getBodySize()).isEqualTo(1);
        assertThatThrownBy(() -> MqEvents.rabbitMq("b").header("h", "v"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("add a message first");
        assertThatThrownBy(() -> MqEvents.rabbitMq("b").message("q", "x").header("h", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'h' was a java.util");
    }

    @Test
    @DisplayName("Cognito shows the user name placeholder only in an admin-created user's invitation")
    void customMessagePlaceholders() {
        CognitoUserPoolCustomMessageEvent signUp =
                Scenarios.fixed(CognitoEvents.customMessage("jane")).build();
        CognitoUserPoolCustomMessageEvent invite = Scenarios.fixed(CognitoEvents.customMessage("jane"))
                .triggerSource("CustomMessage_AdminCreateUser")
                .build();

        assertThat(signUp.getRequest().getUsernameParameter()).isNull();
        assertThat(signUp.getRequest().getCodeParameter()).isEqualTo("{####}");
        assertThat(invite.getRequest().getUsernameParameter()).isEqualTo("{username}");
        assertThat(signUp.getResponse().getEmailMessage()).isNull();
    }

    @Test
    @DisplayName("Config: the invoking event is JSON in a string; a deleted resource has left the scope")
    void configEvents() {
        ConfigEvent deleted = Scenarios.fixed(ConfigEvents.configurationChange("r", "AWS::EC2::Instance", "i-1"))
                .deleted()
                .build();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> invoking = EventJson.fromJson(deleted.getInvokingEvent(), Map.class);

        assertThat(deleted.getEventLeftScope()).isTrue();
        assertThat(invoking.get("configurationItem"))
                .containsEntry("configurationItemStatus", "ResourceDeleted")
                .containsEntry("ARN", "arn:aws:ec2:eu-central-1:123456789012:instance/i-1");
        assertThat(ConfigEvents.periodic("daily").build().getInvokingEvent())
                .contains("\"messageType\":\"ScheduledNotification\"");
    }

    @Test
    @DisplayName("bad input names what was wrong and what would be valid")
    void badInput() {
        assertThatThrownBy(() -> CodeCommitEvents.repository("r").reference("refs/heads/main", "abc"))
                .hasMessage("commit must be 40 hex digits, but was 'abc'");
        assertThatThrownBy(
                        () -> CloudWatchAlarmEvents.metricAlarm("a", "n", "m").state("RED", "r"))
                .hasMessage("an alarm state is OK, ALARM or INSUFFICIENT_DATA, but was 'RED'");
        assertThatThrownBy(AppSyncEvents::batch).hasMessage("a batch needs at least one resolver call");
    }

    @Test
    @DisplayName("AppSync: a batch is a JSON array of resolver calls, each with its source")
    void appSyncBatch() {
        String json = AppSyncEvents.batch(
                        AppSyncEvents.resolver("Post", "author").source(Map.of("authorId", "a-1")),
                        AppSyncEvents.resolver("Post", "author").source(Map.of("authorId", "a-2")))
                .toJson();
        @SuppressWarnings("unchecked")
        List<Map<String, Map<String, Object>>> calls = EventJson.fromJson(json, List.class);

        assertThat(calls).hasSize(2);
        assertThat(calls).extracting(c -> c.get("source").get("authorId")).containsExactly("a-1", "a-2");
    }

    @Test
    @DisplayName("Lex V2: filled slots are Scalar values, unfilled ones null")
    void lexV2Slots() {
        @SuppressWarnings("unchecked")
        Map<String, Object> e = Scenarios.fixed(LexEvents.v2("Bot", "Book"))
                .slot("City", "Paris")
                .slot("Nights", null)
                .build();
        @SuppressWarnings("unchecked")
        Map<String, Object> slots = (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) e.get("sessionState")).get("intent")).get("slots");

        assertThat(slots).containsEntry("Nights", null);
        assertThat(slots.get("City"))
                .isEqualTo(Map.of(
                        "shape",
                        "Scalar",
                        "value",
                        Map.of(
                                "originalValue",
                                "Paris",
                                "interpretedValue",
                                "Paris",
                                "resolvedValues",
                                List.of("Paris"))));
    }

    @Test
    @DisplayName(
            "HTTP API mutual TLS: the client certificate's PEM, names, serial and validity, as API Gateway writes them")
    void mutualTls() throws Exception {
        String pem;
        try (var in = MoreTriggersTest.class.getResourceAsStream("/certs/client.pem")) {
            pem = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> event = EventJson.fromJson(
                Scenarios.fixed(ApiGatewayEvents.httpApi())
                        .get("/a")
                        .clientCertificate(pem)
                        .toJson(),
                Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> cert = (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) event.get("requestContext")).get("authentication"))
                        .get("clientCert");

        assertThat(cert)
                .containsEntry("subjectDN", "CN=client.example.com,O=Example Corp,C=US")
                .containsEntry("issuerDN", "CN=client.example.com,O=Example Corp,C=US")
                .containsEntry("serialNumber", "3e:9d:da:53:be:08:1e:64")
                .containsEntry(
                        "validity",
                        Map.of("notBefore", "Jan  1 16:59:48 2026 GMT", "notAfter", "Dec  8 16:59:48 2125 GMT"));
        var factory = java.security.cert.CertificateFactory.getInstance("X.509");
        assertThat(factory.generateCertificate(new java.io.ByteArrayInputStream(
                        ((String) cert.get("clientCertPem")).getBytes(java.nio.charset.StandardCharsets.US_ASCII))))
                .isEqualTo(factory.generateCertificate(
                        new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        assertThatThrownBy(() -> ApiGatewayEvents.httpApi().clientCertificate("not a certificate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the client certificate is not an X.509 certificate in PEM form");
    }

    @Test
    @DisplayName("S3 sequencers are hexadecimal and increase within a batch")
    void s3Sequencer() {
        var records = Scenarios.fixed(S3Events.bucket("b"))
                .put("k", 1)
                .delete("k")
                .build()
                .getRecords();
        String first = records.get(0).getS3().getObject().getSequencer();
        String second = records.get(1).getS3().getObject().getSequencer();

        assertThat(first).matches("[0-9A-F]{18}");
        assertThat(second).matches("[0-9A-F]{18}");
        assertThat(second).isGreaterThan(first);
    }

    @Test
    @DisplayName("SES: SES's message id, the sender's Message-ID, and the headers a received mail carries")
    @SuppressWarnings("unchecked")
    void sesRealism() {
        Map<String, Object> event = Scenarios.fixed(SesEvents.received("jane@acme.example", "orders@shop.example"))
                .subject("Order 42")
                .build();
        Map<String, Object> mail =
                (Map<String, Object>) ((Map<String, Object>) ((List<Map<String, Object>>) event.get("Records"))
                                .get(0)
                                .get("ses"))
                        .get("mail");
        List<Map<String, String>> headers = (List<Map<String, String>>) mail.get("headers");

        assertThat((String) mail.get("messageId")).matches("[a-z0-9]{40}");
        assertThat(headers)
                .extracting(h -> h.get("name"))
                .contains("Received", "DKIM-Signature", "MIME-Version", "Content-Type", "Message-ID", "Subject");
        assertThat(headers)
                .filteredOn(h -> h.get("name").equals("Message-ID"))
                .singleElement()
                .satisfies(h -> assertThat(h.get("value")).matches("<[0-9a-f-]{36}@acme\\.example>"));
        assertThat(headers)
                .filteredOn(h -> h.get("name").equals("Received"))
                .singleElement()
                .satisfies(h -> assertThat(h.get("value"))
                        .contains("by inbound-smtp.eu-central-1.amazonaws.com with SMTP id " + mail.get("messageId")));
    }

    @Test
    @DisplayName("DocumentDB: the document key and the full document share the _id, in Extended JSON")
    @SuppressWarnings("unchecked")
    void documentDb() {
        Map<String, Object> e = Scenarios.fixed(DocumentDbEvents.cluster("c"))
                .insert("shop", "orders", Map.of("sku", "A-1"))
                .update("shop", "orders", Map.of("_id", Map.of("$oid", "63eeb6e7d418cd98afb1c1d7"), "sku", "B"))
                .build();
        List<Map<String, Map<String, Object>>> events = (List<Map<String, Map<String, Object>>>) e.get("events");

        Map<String, Object> insert = events.get(0).get("event");
        assertThat(((Map<String, Object>) insert.get("documentKey")).get("_id"))
                .isEqualTo(((Map<String, Object>) insert.get("fullDocument")).get("_id"));
        assertThat(events.get(1).get("event").get("documentKey"))
                .isEqualTo(Map.of("_id", Map.of("$oid", "63eeb6e7d418cd98afb1c1d7")));
        assertThat(e).containsEntry("eventSource", "aws:docdb");
    }

    @Test
    @DisplayName("parts a trigger does not have are refused with the reason")
    void partsATriggerDoesNotHave() {
        assertThatThrownBy(() -> AlexaEvents.launch().slot("s", "v"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("only an intent request has slots; this is a LaunchRequest");
        assertThatThrownBy(() -> BedrockAgentEvents.function("g", "f").bodyProperty("b", "string", "v"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("use parameter(..) instead");
    }

    @Test
    @DisplayName("a Lambda authorizer's principal and context reach the proxied request as each API type passes them")
    void authorizerContextOnProxiedRequests() {
        var rest = Scenarios.fixed(ApiGatewayEvents.rest())
                .get("/orders")
                .lambdaAuthorizer("user-1", Map.of("tenant", "acme", "tier", 3, "admin", true))
                .build();
        var http = Scenarios.fixed(ApiGatewayEvents.httpApi())
                .get("/orders")
                .lambdaAuthorizer("user-1", Map.of("tenant", "acme", "tier", 3))
                .build();

        assertThat(rest.getRequestContext().getAuthorizer())
                .containsEntry("principalId", "user-1")
                .containsEntry("tenant", "acme")
                .containsEntry("tier", "3")
                .containsEntry("admin", "true")
                .containsKey("integrationLatency");
        assertThat(http.getRequestContext().getAuthorizer().getLambda())
                .containsEntry("tenant", "acme")
                .containsEntry("tier", 3)
                .doesNotContainKey("principalId");
    }
}

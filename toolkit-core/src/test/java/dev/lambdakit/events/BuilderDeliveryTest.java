package dev.lambdakit.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A handler written against each event class receives exactly what the builder built, through the runtime. */
class BuilderDeliveryTest {

    static Stream<Arguments> builders() {
        return Stream.of(
                Arguments.of(
                        "rest",
                        Scenarios.fixed(ApiGatewayEvents.rest())
                                .post("/orders/{id}", "/orders/7")
                                .jsonBody(Map.of("a", 1))
                                .jwt(Map.of("sub", "u1"))),
                Arguments.of(
                        "httpApi",
                        Scenarios.fixed(ApiGatewayEvents.httpApi())
                                .get("/x")
                                .query("q", "1")
                                .cookie("c", "v")),
                Arguments.of(
                        "httpApi",
                        Scenarios.fixed(ApiGatewayEvents.functionUrl())
                                .post("/y")
                                .iam("arn:aws:iam::123456789012:user/jane")
                                .textBody("hi")),
                Arguments.of(
                        "webSocket",
                        Scenarios.fixed(ApiGatewayEvents.webSocket("c-1")).message("send", "m")),
                Arguments.of(
                        "alb", Scenarios.fixed(AlbEvents.request()).get("/a").query("q", "a b")),
                Arguments.of(
                        "sqs",
                        Scenarios.fixed(SqsEvents.queue("q.fifo"))
                                .message(m -> m.body("b").groupId("g").attribute("k", "v"))),
                Arguments.of("sns", Scenarios.fixed(SnsEvents.topic("t")).message("m")),
                Arguments.of(
                        "s3",
                        Scenarios.fixed(S3Events.bucket("b"))
                                .put("a b/c.txt", 3)
                                .delete("d")),
                Arguments.of(
                        "dynamodb",
                        Scenarios.fixed(DynamoDbEvents.table("t"))
                                .modify(Map.of("id", "1", "n", 1), Map.of("id", "1", "n", 2))),
                Arguments.of(
                        "kinesis", Scenarios.fixed(KinesisEvents.stream("s")).record("p", "data")),
                Arguments.of("scheduled", Scenarios.fixed(EventBridgeEvents.event("src", "Type", Map.of("k", 1)))),
                Arguments.of(
                        "logs",
                        Scenarios.fixed(CloudWatchLogsEvents.logGroup("/g")).logEvent("line")),
                Arguments.of(
                        "firehose",
                        Scenarios.fixed(FirehoseEvents.deliveryStream("d")).record("r")),
                Arguments.of("kafka", Scenarios.fixed(KafkaEvents.msk("c")).record("t", 0, "k", "v")),
                Arguments.of(
                        "preSignUp",
                        Scenarios.fixed(CognitoEvents.preSignUp("u")).userAttribute("email", "e")),
                Arguments.of(
                        "preToken",
                        Scenarios.fixed(CognitoEvents.preTokenGeneration("u")).group("g")),
                Arguments.of(
                        "rotation",
                        Scenarios.fixed(SecretsManagerEvents.rotation("s")).step("testSecret")),
                Arguments.of("batchV1", Scenarios.fixed(S3BatchEvents.v1()).task("b", "k")),
                Arguments.of("batchV2", Scenarios.fixed(S3BatchEvents.v2()).task("b", "k")),
                Arguments.of("map", Scenarios.fixed(SesEvents.received("a@example.com", "b@example.com"))),
                Arguments.of(
                        "tokenAuthorizer",
                        Scenarios.fixed(AuthorizerEvents.token("t")).get("/a")),
                Arguments.of(
                        "requestAuthorizer",
                        Scenarios.fixed(AuthorizerEvents.request())
                                .get("/a")
                                .query("q", "1")
                                .header("h", "v")),
                Arguments.of(
                        "httpApiAuthorizer",
                        Scenarios.fixed(AuthorizerEvents.httpApi()).get("/a").header("authorization", "t")),
                Arguments.of(
                        "destination",
                        Scenarios.fixed(LambdaDestinationEvents.onSuccess("f", Map.of("a", 1)))
                                .response(Map.of("ok", true))),
                Arguments.of(
                        "objectLambda",
                        Scenarios.fixed(S3ObjectLambdaEvents.getObject("ap-1", "k.txt"))
                                .header("Range", "bytes=0-9")),
                Arguments.of(
                        "cloudFront",
                        Scenarios.fixed(CloudFrontEvents.originResponse())
                                .get("/a.png")
                                .query("v=2")
                                .status(404, "Not Found")
                                .responseHeader("Cache-Control", "max-age=60")),
                Arguments.of(
                        "customResource",
                        Scenarios.fixed(CloudFormationEvents.customResource("Custom::Name"))
                                .update("id-1", Map.of("Size", 1))
                                .property("Size", 2)),
                Arguments.of(
                        "defineChallenge",
                        Scenarios.fixed(CognitoAuthEvents.defineAuthChallenge("u"))
                                .challenge("SRP_A", true)
                                .challenge("CUSTOM_CHALLENGE", false, "captcha")),
                Arguments.of(
                        "createChallenge",
                        Scenarios.fixed(CognitoAuthEvents.createAuthChallenge("u"))
                                .challenge("SRP_A", true)),
                Arguments.of(
                        "verifyChallenge",
                        Scenarios.fixed(CognitoAuthEvents.verifyAuthChallenge("u", "42"))
                                .privateChallengeParameter("answer", "42")),
                Arguments.of(
                        "preAuth",
                        Scenarios.fixed(CognitoAuthEvents.preAuthentication("u"))
                                .validationData("k", "v")),
                Arguments.of(
                        "postAuth",
                        Scenarios.fixed(CognitoAuthEvents.postAuthentication("u"))
                                .newDeviceUsed(true)),
                Arguments.of(
                        "postConfirmation",
                        Scenarios.fixed(CognitoEvents.postConfirmation("u")).userAttribute("email", "e")),
                Arguments.of("migrateUser", Scenarios.fixed(CognitoEvents.userMigration("u", "p"))),
                Arguments.of(
                        "customMessage",
                        Scenarios.fixed(CognitoEvents.customMessage("u"))
                                .triggerSource("CustomMessage_AdminCreateUser")),
                Arguments.of(
                        "preTokenV2",
                        Scenarios.fixed(CognitoEvents.preTokenGenerationV2("u"))
                                .scope("openid")
                                .group("g")),
                Arguments.of("map", Scenarios.fixed(CognitoEvents.customEmailSender("u", "QUJD"))),
                Arguments.of(
                        "activeMq",
                        Scenarios.fixed(MqEvents.activeMq("b"))
                                .textMessage("q", "t")
                                .bytesMessage("q", new byte[] {1, 2})),
                Arguments.of(
                        "rabbitMq",
                        Scenarios.fixed(MqEvents.rabbitMq("b"))
                                .message("q", "t")
                                .header("h", "v")
                                .header("n", 10)),
                Arguments.of(
                        "config",
                        Scenarios.fixed(ConfigEvents.configurationChange("r", "AWS::S3::Bucket", "b"))
                                .configuration(Map.of("k", "v"))
                                .tag("team", "a")),
                Arguments.of("config", Scenarios.fixed(ConfigEvents.periodic("r"))),
                Arguments.of(
                        "codeCommit",
                        Scenarios.fixed(CodeCommitEvents.repository("r"))
                                .createdReference("refs/heads/f", "0123456789abcdef0123456789abcdef01234567")),
                Arguments.of(
                        "connect",
                        Scenarios.fixed(ConnectEvents.contactFlow("+12065550100"))
                                .attribute("a", "1")
                                .parameter("p", "2")),
                Arguments.of(
                        "iotButton", Scenarios.fixed(IoTEvents.button("G0")).longPress()),
                Arguments.of(
                        "lex",
                        Scenarios.fixed(LexEvents.fulfillmentCodeHook("b", "i"))
                                .slot("s", "v")
                                .slot("t", null)),
                Arguments.of("map", Scenarios.fixed(LexEvents.v2("b", "i")).slot("s", "v")),
                Arguments.of(
                        "metricAlarm",
                        Scenarios.fixed(CloudWatchAlarmEvents.metricAlarm("a", "AWS/Lambda", "Errors"))
                                .dimension("FunctionName", "f")
                                .state("ALARM", "r")),
                Arguments.of(
                        "compositeAlarm",
                        Scenarios.fixed(CloudWatchAlarmEvents.compositeAlarm("c", "ALARM(a)"))
                                .triggeredBy("a")),
                Arguments.of(
                        "appSyncAuthorizer",
                        Scenarios.fixed(AppSyncEvents.authorizer("t"))
                                .query("query Q { a }", "Q")
                                .variable("v", 1)),
                Arguments.of(
                        "map",
                        Scenarios.fixed(AppSyncEvents.resolver("Query", "getPost"))
                                .argument("id", "1")
                                .cognitoIdentity("jane", Map.of("sub", "s-1"))),
                Arguments.of(
                        "mskFirehose",
                        Scenarios.fixed(FirehoseEvents.mskSource("d", "c")).record("v")),
                Arguments.of(
                        "firehose",
                        Scenarios.fixed(FirehoseEvents.deliveryStream("d"))
                                .sourceStream("s")
                                .record("v")),
                Arguments.of(
                        "analyticsStreams",
                        Scenarios.fixed(KinesisAnalyticsEvents.streamsInput("a", "s"))
                                .record("r")),
                Arguments.of(
                        "analyticsFirehose",
                        Scenarios.fixed(KinesisAnalyticsEvents.firehoseInput("a", "d"))
                                .record("r")),
                Arguments.of(
                        "analyticsOutput",
                        Scenarios.fixed(KinesisAnalyticsEvents.outputDelivery("a"))
                                .record("r")),
                Arguments.of(
                        "kinesisWindow",
                        Scenarios.fixed(KinesisEvents.stream("s"))
                                .record("p", "d")
                                .tumblingWindow(java.time.Duration.ofMinutes(1))
                                .state("n", "1")
                                .finalInvoke()),
                Arguments.of(
                        "map",
                        Scenarios.fixed(DocumentDbEvents.cluster("c"))
                                .insert("db", "orders", Map.of("sku", "A-1"))
                                .delete("db", "orders")),
                Arguments.of(
                        "map",
                        Scenarios.fixed(CodePipelineEvents.job("f"))
                                .userParameters("x")
                                .inputArtifact("in", "b", "k")),
                Arguments.of(
                        "map",
                        Scenarios.fixed(BedrockAgentEvents.apiOperation("g", "GET", "/a"))
                                .parameter("p", "string", "v")
                                .bodyProperty("b", "integer", "2")),
                Arguments.of(
                        "map",
                        Scenarios.fixed(AlexaEvents.intent("I")).slot("s", "v").sessionAttribute("n", 1)),
                Arguments.of(
                        "dynamoWindow",
                        Scenarios.fixed(DynamoDbEvents.table("t"))
                                .insert(Map.of("id", "1"))
                                .tumblingWindow(java.time.Duration.ofMinutes(1))
                                .terminatedEarly()));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("builders")
    @DisplayName("the handler's view of the event equals the builder's object")
    void handlerReceivesWhatWasBuilt(String method, EventBuilder<?, ?> builder) {
        try (LambdaFunction fn = LambdaFunction.of(Echoes.class.getName() + "::" + method)) {
            InvocationResult<String> viaObject = fn.invoke(builder.build(), String.class);
            InvocationResult<String> viaJson = fn.invoke(builder.toJson(), String.class);
            InvocationResult<String> viaBytes = fn.invoke(builder.toBytes(), String.class);

            String expected = Echoes.view(builder.build());
            assertThat(viaObject.output()).as("%s", viaObject).isEqualTo(expected);
            assertThat(viaJson.output()).isEqualTo(expected);
            assertThat(viaBytes.output()).isEqualTo(expected);
        }
    }
}

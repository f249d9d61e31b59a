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
                                .property("Size", 2)));
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

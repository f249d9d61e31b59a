package dev.lambdakit.events;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** For each published sample: the builder set up for the same scenario, and the sample fields it need not have. */
final class Scenarios {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00.123Z"), ZoneOffset.UTC);

    /** A sample file, the builder for its scenario, and sample paths that are not what the service sends. */
    record Scenario(String sample, EventBuilder<?, ?> builder, Map<String, String> notSentByService) {
        String name() {
            return sample;
        }
    }

    private Scenarios() {}

    static <B extends EventBuilder<B, ?>> B fixed(B builder) {
        return builder.clock(CLOCK).seed(42).region("eu-central-1");
    }

    static List<Scenario> all() {
        Map<String, Scenario> s = new LinkedHashMap<>();
        add(
                s,
                "apigw_rest_event.json",
                fixed(ApiGatewayEvents.rest())
                        .get("/my/path")
                        .header("Header1", "value1")
                        .query("parameter1", "value1")
                        .jwt(Map.of("sub", "u"))
                        .textBody("Hello from Lambda!"),
                Map.of("version", "sent by HTTP APIs with payload format 1.0; REST APIs send no version"));
        add(
                s,
                "apigw_http_event.json",
                fixed(ApiGatewayEvents.httpApi())
                        .post("/my/path")
                        .header("Header1", "value1")
                        .query("parameter1", "value1")
                        .cookie("cookie1", "a")
                        .pathParameter("parameter1", "value1")
                        .stageVariable("stageVariable1", "value1")
                        .jwt(Map.of("claim1", "value1"), "scope1")
                        .textBody("Hello from Lambda!!"),
                Map.of());
        add(
                s,
                "apigw_websocket_event.json",
                fixed(ApiGatewayEvents.webSocket("abc123="))
                        .connect()
                        .query("param1", "value1")
                        .stageVariable("stageVar1", "value1")
                        .textBody("request body"),
                Map.ofEntries(
                        Map.entry("resource", "REST proxy field; WebSocket events carry none"),
                        Map.entry("path", "REST proxy field; WebSocket events carry none"),
                        Map.entry("httpMethod", "REST proxy field; WebSocket events carry none"),
                        Map.entry("pathParameters", "WebSocket routes have no path parameters"),
                        Map.entry("requestContext.resourceId", "REST field, not in WebSocket request contexts"),
                        Map.entry("requestContext.resourcePath", "REST field, not in WebSocket request contexts"),
                        Map.entry("requestContext.httpMethod", "REST field, not in WebSocket request contexts"),
                        Map.entry("requestContext.accountId", "not in WebSocket request contexts"),
                        Map.entry("requestContext.integrationLatency", "not in WebSocket request contexts"),
                        Map.entry("requestContext.status", "not in WebSocket request contexts"),
                        Map.entry("requestContext.messageId", "sent with MESSAGE events only, not on $connect"),
                        Map.entry(
                                "requestContext.identity.*",
                                "only sourceIp and userAgent are sent unless IAM-authorized")));
        add(
                s,
                "elb_event.json",
                fixed(AlbEvents.request()).get("/").query("a", "b").textBody("Hello from ELB"),
                Map.of());
        add(s, "sqs/sqs_event_nobody.json", fixed(SqsEvents.queue("TestLambda")).message(""), Map.of());
        add(
                s,
                "sqs/sqs_event_product.json",
                fixed(SqsEvents.queue("TestLambda")).message("{}"),
                Map.of());
        add(
                s,
                "sns_event.json",
                fixed(SnsEvents.topic("TopicSendToMe"))
                        .message(n -> n.subject("Test").message("{}").attribute("name", "Bob")),
                Map.of());
        add(
                s,
                "s3_event.json",
                fixed(S3Events.bucket("example-bucket")).versionId("").put("test/key", 1024),
                Map.of(
                        "Records.s3.object.urlDecodedKey",
                        "a getter of the Java class written out by its "
                                + "serializer; S3 sends only the encoded key"));
        add(
                s,
                "ddb/dynamo_event.json",
                fixed(DynamoDbEvents.table("ExampleTableWithStream"))
                        .keys("Id")
                        .insert(Map.of("Id", 101, "Message", "New item!"))
                        .expire(Map.of("Id", 101, "Message", "x")),
                Map.of());
        add(
                s,
                "kinesis_event.json",
                fixed(KinesisEvents.stream("EXAMPLE")).record("partitionKey-03", "Hello, this is a test 123."),
                Map.of());
        add(s, "cloudwatch_event.json", fixed(EventBridgeEvents.scheduled("demoschedule")), Map.of());
        add(
                s,
                "cloudwatchlogs_event.json",
                fixed(CloudWatchLogsEvents.logGroup("testLogGroup")).logEvent("x"),
                Map.of());
        add(
                s,
                "firehose_event.json",
                fixed(FirehoseEvents.deliveryStream("EXAMPLE")).record("Hello"),
                Map.of());
        add(
                s,
                "kafka_event.json",
                fixed(KafkaEvents.msk("demo-cluster-1"))
                        .record("mytopic", 0, null, "Hello from Kafka !!", Map.of("headerKey", "headerValue")),
                Map.of());
        add(
                s,
                "cognito/cognito_userpool_presignup.json",
                fixed(CognitoEvents.preSignUp("testuser"))
                        .userAttribute("email", "user@example.com")
                        .validationData("key1", "val1")
                        .clientMetadata("meta1", "value1"),
                Map.of());
        add(
                s,
                "cognito/cognito_userpool_pre_token_generation.json",
                fixed(CognitoEvents.preTokenGeneration("testuser"))
                        .userAttribute("email", "user@example.com")
                        .clientMetadata("meta1", "value1")
                        .group("group1")
                        .iamRole("arn:aws:iam::1:role/r"),
                Map.of(
                        "response.claimsOverrideDetails.*",
                        "written by the function; Cognito sends " + "claimsOverrideDetails: null"));
        add(s, "secrets_rotation_event.json", fixed(SecretsManagerEvents.rotation("secretparam")), Map.of());
        add(
                s,
                "apigw_auth.json",
                fixed(AuthorizerEvents.request())
                        .get("/request")
                        .header("HeaderAuth1", "headerValue1")
                        .query("QueryString1", "queryValue1")
                        .stageVariable("StageVar1", "stageValue1"),
                Map.ofEntries(
                        Map.entry("version", "HTTP API payload format 1.0; REST REQUEST authorizers send none"),
                        Map.entry("identitySource", "HTTP API payload format 1.0 only"),
                        Map.entry("authorizationToken", "TOKEN authorizers and HTTP API format 1.0 only"),
                        Map.entry("pathParameters", "sent when the resource has path parameters"),
                        Map.entry("requestContext.identity.apiKey", "sent when the method requires an API key")));
        add(
                s,
                "apigw_auth_v2.json",
                fixed(AuthorizerEvents.httpApi())
                        .post("/my/path")
                        .header("Header1", "value1")
                        .query("parameter1", "value1")
                        .cookie("cookie1", "a")
                        .pathParameter("parameter1", "value1")
                        .stageVariable("stageVariable1", "value1")
                        .identitySource("header1"),
                Map.of());
        add(
                s,
                "lambda_destination_event.json",
                fixed(LambdaDestinationEvents.onFailure("event-destinations", Map.of("Success", false)))
                        .error("Error", "Failure from event, Success = false, I am failing!")
                        .approximateInvokeCount(3),
                Map.of());
        add(
                s,
                "s3_object_lambda_event.json",
                fixed(S3ObjectLambdaEvents.getObject("example-object-lambda-ap", "example"))
                        .payload("{}"),
                Map.of());
        add(
                s,
                "cloudfront_event.json",
                fixed(CloudFrontEvents.viewerRequest()).get("/test").header("User-Name", "aws-cloudfront"),
                Map.of());
        add(
                s,
                "cloudformation_event.json",
                fixed(CloudFormationEvents.customResource("Custom::TestResource"))
                        .logicalResourceId("MyTestResource")
                        .update("MyTestResourceId", Map.of("StackName", "MyStack", "List", List.of("1")))
                        .property("StackName", "MyStack")
                        .property("List", List.of(1, 2, 3)),
                Map.of());
        add(
                s,
                "s3_batch_event.json",
                fixed(S3BatchEvents.v1()).task("amzn-s3-demo-bucket", "customerImage1.jpg"),
                Map.of());
        add(
                s,
                "s3_batch_event_v2.json",
                fixed(S3BatchEvents.v2())
                        .userArgument("MyDestinationBucket", "b")
                        .task("source-directory-bucket-name", "s3objectkey"),
                Map.of());
        addMore(s);
        return List.copyOf(s.values());
    }

    /** The triggers added with the second set of builders. */
    private static void addMore(Map<String, Scenario> s) {
        String fn = "written by the function; Cognito sends the response empty";
        add(
                s,
                "cognito/cognito_userpool_create_auth_challenge.json",
                fixed(CognitoAuthEvents.createAuthChallenge("testuser"))
                        .userAttribute("email", "user@example.com")
                        .clientMetadata("meta1", "value1")
                        .challenge("PASSWORD_VERIFIER", true, "metadata1"),
                Map.of(
                        "response.publicChallengeParameters.*", fn,
                        "response.privateChallengeParameters.*", fn));
        add(
                s,
                "cognito/cognito_userpool_custom_message.json",
                fixed(CognitoEvents.customMessage("testuser"))
                        .userAttribute("email", "user@example.com")
                        .clientMetadata("meta1", "value1"),
                Map.of());
        add(
                s,
                "cognito/cognito_userpool_define_auth_challenge.json",
                fixed(CognitoAuthEvents.defineAuthChallenge("testuser"))
                        .userAttribute("email", "user@example.com")
                        .clientMetadata("meta1", "value1")
                        .challenge("PASSWORD_VERIFIER", true, "metadata1"),
                Map.of());
        add(
                s,
                "cognito/cognito_userpool_migrate_user.json",
                fixed(CognitoEvents.userMigration("testuser", "test-password"))
                        .validationData("key1", "val1")
                        .clientMetadata("meta1", "value1"),
                Map.of(
                        "request.userAttributes.*",
                        "Cognito has no attributes for a user it does not know yet",
                        "response.userAttributes.*",
                        fn));
        add(
                s,
                "cognito/cognito_userpool_postauthentication.json",
                fixed(CognitoAuthEvents.postAuthentication("testuser"))
                        .userAttribute("email", "user@example.com")
                        .clientMetadata("meta1", "value1"),
                Map.of());
        add(
                s,
                "cognito/cognito_userpool_postconfirmation.json",
                fixed(CognitoEvents.postConfirmation("testuser"))
                        .userAttribute("email", "user@example.com")
                        .clientMetadata("meta1", "value1"),
                Map.of());
        add(
                s,
                "cognito/cognito_userpool_preauthentication.json",
                fixed(CognitoAuthEvents.preAuthentication("testuser"))
                        .userAttribute("email", "user@example.com")
                        .validationData("key1", "val1"),
                Map.of());
        add(
                s,
                "cognito/cognito_userpool_verify_auth_challenge.json",
                fixed(CognitoAuthEvents.verifyAuthChallenge("testuser", "5"))
                        .userAttribute("email", "user@example.com")
                        .clientMetadata("meta1", "value1")
                        .privateChallengeParameter("answer", "5"),
                Map.of());
        add(
                s,
                "cognito_user_pool_pre_token_generation_event_v2.json",
                fixed(CognitoEvents.preTokenGenerationV2("JaneDoe"))
                        .userAttribute("email", "jane@example.com")
                        .group("group-1")
                        .iamRole("arn:aws:iam::123456789012:role/r")
                        .scope("openid"),
                Map.of("response.claimsAndScopeOverrideDetails.*", fn));
        add(
                s,
                "mq_event.json",
                fixed(MqEvents.activeMq("test"))
                        .message("testQueue", "jms/text-message", "ABC".getBytes(), Map.of("testKey", "testValue")),
                Map.of(
                        "messages.destination.physicalname",
                        "the sample's lower-case spelling, which the runtime's serializer does not read; "
                                + "events captured from Amazon MQ and the Lambda guide have physicalName"));
        add(
                s,
                "rabbitmq_event.json",
                fixed(MqEvents.rabbitMq("test")).message("test", "{}").header("header1", "value1"),
                Map.of());
        add(
                s,
                "config_event.json",
                fixed(ConfigEvents.configurationChange("rule", "AWS::EC2::Instance", "i-00000000"))
                        .ruleParameter("key", "value"),
                Map.of());
        add(
                s,
                "codecommit_event.json",
                fixed(CodeCommitEvents.repository("my-repo"))
                        .reference("refs/heads/master", "5c4ef1049f1d27deadbeeff313e0730018be182b")
                        .customData("this is custom data"),
                Map.of());
        add(s, "connect_event.json", fixed(ConnectEvents.contactFlow("+11234567890")), Map.of());
        add(s, "iot_button_event.json", fixed(IoTEvents.button("G030JF055364XVRB")), Map.of());
        add(
                s,
                "lex_event.json",
                fixed(LexEvents.dialogCodeHook("BookTrip", "BookHotel"))
                        .slot("Location", "Chicago")
                        .sessionAttribute("key", "value"),
                Map.of());
        add(
                s,
                "cloudwatch_metric_alarm.json",
                fixed(CloudWatchAlarmEvents.metricAlarm("lambda-demo-metric-alarm", "AWS/Logs", "CallCount"))
                        .dimension("InstanceId", "i-12345678"),
                Map.of());
        add(
                s,
                "cloudwatch_composite_alarm.json",
                fixed(CloudWatchAlarmEvents.compositeAlarm("CompositeDemo.Main", "ALARM(a) OR ALARM(b)"))
                        .triggeredBy("a")
                        .actionsSuppressor("CompositeDemo.ActionsSuppressor"),
                Map.of());
        add(
                s,
                "appsync_authorizer_event.json",
                fixed(AppSyncEvents.authorizer("BE9DC5E3-D410-4733-AF76-70178092E681"))
                        .query(
                                "mutation MyNewTask($desc: String!) { createTask(description: $desc) { id } }",
                                "MyNewTask"),
                Map.of());
        add(
                s,
                "msk_firehose_event.json",
                fixed(FirehoseEvents.mskSource("d", "c")).record("x"),
                Map.of());
        add(
                s,
                "kinesis/kinesis_analytics_firehose_input_preprocessing.json",
                fixed(KinesisAnalyticsEvents.firehoseInput("my-app", "my-stream"))
                        .record("Hello World"),
                Map.of());
        add(
                s,
                "kinesis/kinesis_analytics_streams_input_preprocessing.json",
                fixed(KinesisAnalyticsEvents.streamsInput("my-app", "my-stream"))
                        .record("Hello World"),
                Map.of());
        add(
                s,
                "kinesis/kinesis_analytics_output_delivery.json",
                fixed(KinesisAnalyticsEvents.outputDelivery("my-app")).record("Hello World"),
                Map.of());
        add(
                s,
                "kinesis/kinesis_time_window_event.json",
                fixed(KinesisEvents.stream("lambda-stream"))
                        .record("1", "Hello, this is a test.")
                        .tumblingWindow(java.time.Duration.ofMinutes(2))
                        .state("1", "282"),
                Map.of());
        add(
                s,
                "ddb/dynamo_time_window_event.json",
                fixed(DynamoDbEvents.table("ExampleTableWithStream"))
                        .keys("Id")
                        .insert(Map.of("Id", 101, "Message", "New item!"))
                        .modify(Map.of("Id", 101, "Message", "New item!"), Map.of("Id", 101, "Message", "x"))
                        .tumblingWindow(java.time.Duration.ofMinutes(5))
                        .state("1", "state1"),
                Map.of());
    }

    private static void add(
            Map<String, Scenario> s, String sample, EventBuilder<?, ?> builder, Map<String, String> notSent) {
        s.put(sample, new Scenario(sample, builder, notSent));
    }

    /** Triggers with no published sample, built with their defaults. */
    static List<EventBuilder<?, ?>> withoutSamples() {
        return List.of(
                fixed(ApiGatewayEvents.functionUrl()).get("/health"),
                fixed(SesEvents.received("jane@example.com", "orders@acme.example"))
                        .subject("Order 42"),
                fixed(EventBridgeEvents.event("com.acme.orders", "OrderPlaced", Map.of("orderId", "o-1"))),
                fixed(KafkaEvents.selfManaged("kafka-1:9092")).record("t", 0, "k", "v"));
    }

    /** Key paths of a JSON tree: {@code a.b} for objects, arrays transparent; ids under map-like keys folded. */
    static Set<String> paths(Object tree) {
        Set<String> out = new java.util.TreeSet<>();
        collect(tree, "", out);
        return out;
    }

    private static void collect(Object node, String prefix, Set<String> out) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                String path = prefix.isEmpty() ? key : prefix + "." + key;
                if (isDataKey(prefix)) {
                    path = prefix + ".*";
                }
                out.add(path);
                collect(e.getValue(), path, out);
            }
        } else if (node instanceof List<?> list) {
            for (Object o : list) {
                collect(o, prefix, out);
            }
        }
    }

    /** Maps whose keys are data (header names, attribute names, ...), not fields of the event's shape. */
    private static boolean isDataKey(String prefix) {
        String last = prefix.contains(".") ? prefix.substring(prefix.lastIndexOf('.') + 1) : prefix;
        return Set.of(
                                "headers",
                                "multiValueHeaders",
                                "queryStringParameters",
                                "multiValueQueryStringParameters",
                                "pathParameters",
                                "stageVariables",
                                "claims",
                                "messageAttributes",
                                "MessageAttributes",
                                "Keys",
                                "NewImage",
                                "OldImage",
                                "userAttributes",
                                "validationData",
                                "clientMetadata",
                                "records",
                                "userArguments",
                                "claimsToAddOrOverride",
                                "slots",
                                "slotDetails",
                                "state",
                                "sessionAttributes",
                                "properties",
                                "Attributes",
                                "Parameters",
                                "dimensions",
                                "variables",
                                "requestHeaders",
                                "rmqMessagesByQueue",
                                "M")
                        .contains(last)
                || prefix.endsWith("headers")
                || prefix.endsWith(".*") && prefix.contains("headers");
    }
}

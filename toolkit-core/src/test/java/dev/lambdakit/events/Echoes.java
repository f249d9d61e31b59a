package dev.lambdakit.events;

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
import java.util.Map;

/** Handlers that return what they received, re-serialized the runtime's way; one method per event class. */
public final class Echoes {

    private Echoes() {}

    private static String echo(Object event) {
        return EventJson.toJsonString(event);
    }

    public static String customResource(
            com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent e) {
        return echo(e);
    }

    public static String tokenAuthorizer(
            com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent e) {
        return echo(e);
    }

    public static String requestAuthorizer(
            com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent e) {
        return echo(e);
    }

    public static String httpApiAuthorizer(
            com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent e) {
        return view(e);
    }

    /**
     * The event as the test compares it: the runtime's JSON, except for the HTTP API authorizer event, whose
     * {@code requestContext.time} the events library reads in API Gateway's format but cannot write back (its
     * serializer rejects its own output); that one is compared through its generated {@code toString}, which reads
     * every field, the time included.
     */
    static String view(Object event) {
        if (event instanceof com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent) {
            return event.toString();
        }
        return echo(event);
    }

    public static String destination(com.amazonaws.services.lambda.runtime.events.LambdaDestinationEvent e) {
        return echo(e);
    }

    public static String objectLambda(com.amazonaws.services.lambda.runtime.events.S3ObjectLambdaEvent e) {
        return echo(e);
    }

    public static String cloudFront(com.amazonaws.services.lambda.runtime.events.CloudFrontEvent e) {
        return echo(e);
    }

    public static String rest(APIGatewayProxyRequestEvent e) {
        return echo(e);
    }

    public static String httpApi(APIGatewayV2HTTPEvent e) {
        return echo(e);
    }

    public static String webSocket(APIGatewayV2WebSocketEvent e) {
        return echo(e);
    }

    public static String alb(ApplicationLoadBalancerRequestEvent e) {
        return echo(e);
    }

    public static String sqs(SQSEvent e) {
        return echo(e);
    }

    public static String sns(SNSEvent e) {
        return echo(e);
    }

    public static String s3(S3Event e) {
        return echo(e);
    }

    public static String dynamodb(DynamodbEvent e) {
        return echo(e);
    }

    public static String kinesis(KinesisEvent e) {
        return echo(e);
    }

    public static String scheduled(ScheduledEvent e) {
        return echo(e);
    }

    public static String logs(CloudWatchLogsEvent e) {
        return echo(e);
    }

    public static String firehose(KinesisFirehoseEvent e) {
        return echo(e);
    }

    public static String kafka(KafkaEvent e) {
        return echo(e);
    }

    public static String preSignUp(CognitoUserPoolPreSignUpEvent e) {
        return echo(e);
    }

    public static String preToken(CognitoUserPoolPreTokenGenerationEvent e) {
        return echo(e);
    }

    public static String rotation(SecretsManagerRotationEvent e) {
        return echo(e);
    }

    public static String batchV1(S3BatchEvent e) {
        return echo(e);
    }

    public static String batchV2(S3BatchEventV2 e) {
        return echo(e);
    }

    public static String map(Map<String, Object> e) {
        return echo(e);
    }

    public static String defineChallenge(
            com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent e) {
        return echo(e);
    }

    public static String createChallenge(
            com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent e) {
        return echo(e);
    }

    public static String verifyChallenge(
            com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent e) {
        return echo(e);
    }

    public static String preAuth(com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreAuthenticationEvent e) {
        return echo(e);
    }

    public static String postAuth(
            com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostAuthenticationEvent e) {
        return echo(e);
    }

    public static String postConfirmation(
            com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent e) {
        return echo(e);
    }

    public static String migrateUser(com.amazonaws.services.lambda.runtime.events.CognitoUserPoolMigrateUserEvent e) {
        return echo(e);
    }

    public static String customMessage(
            com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCustomMessageEvent e) {
        return echo(e);
    }

    public static String preTokenV2(
            com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEventV2 e) {
        return echo(e);
    }

    public static String activeMq(com.amazonaws.services.lambda.runtime.events.ActiveMQEvent e) {
        return echo(e);
    }

    public static String rabbitMq(com.amazonaws.services.lambda.runtime.events.RabbitMQEvent e) {
        return echo(e);
    }

    public static String config(com.amazonaws.services.lambda.runtime.events.ConfigEvent e) {
        return echo(e);
    }

    public static String codeCommit(com.amazonaws.services.lambda.runtime.events.CodeCommitEvent e) {
        return echo(e);
    }

    public static String connect(com.amazonaws.services.lambda.runtime.events.ConnectEvent e) {
        return echo(e);
    }

    public static String iotButton(com.amazonaws.services.lambda.runtime.events.IoTButtonEvent e) {
        return echo(e);
    }

    public static String lex(com.amazonaws.services.lambda.runtime.events.LexEvent e) {
        return echo(e);
    }

    public static String metricAlarm(com.amazonaws.services.lambda.runtime.events.CloudWatchMetricAlarmEvent e) {
        return echo(e);
    }

    public static String compositeAlarm(com.amazonaws.services.lambda.runtime.events.CloudWatchCompositeAlarmEvent e) {
        return echo(e);
    }

    public static String appSyncAuthorizer(
            com.amazonaws.services.lambda.runtime.events.AppSyncLambdaAuthorizerEvent e) {
        return echo(e);
    }

    public static String mskFirehose(com.amazonaws.services.lambda.runtime.events.MSKFirehoseEvent e) {
        return echo(e);
    }

    public static String analyticsStreams(
            com.amazonaws.services.lambda.runtime.events.KinesisAnalyticsStreamsInputPreprocessingEvent e) {
        return echo(e);
    }

    public static String analyticsFirehose(
            com.amazonaws.services.lambda.runtime.events.KinesisAnalyticsFirehoseInputPreprocessingEvent e) {
        return echo(e);
    }

    public static String analyticsOutput(
            com.amazonaws.services.lambda.runtime.events.KinesisAnalyticsOutputDeliveryEvent e) {
        return echo(e);
    }

    public static String kinesisWindow(com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent e) {
        return echo(e);
    }

    public static String dynamoWindow(com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent e) {
        return echo(e);
    }
}

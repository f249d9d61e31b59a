package dev.lambdakit.cloud;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * AWS services a test can ask a backend for, with the names the AWS SDK v2 uses to find their endpoints in the
 * environment ({@code AWS_ENDPOINT_URL_<SERVICE>}).
 *
 * <pre>{@code
 * @LambdaTest(handler = "pkg.Handler", services = {AwsService.S3, AwsService.SQS})
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum AwsService {
    S3("S3", "s3"),
    SQS("SQS", "sqs"),
    DYNAMODB("DYNAMODB", "dynamodb"),
    SNS("SNS", "sns"),
    KINESIS("KINESIS", "kinesis"),
    LAMBDA("LAMBDA", "lambda"),
    EVENTBRIDGE("EVENTBRIDGE", "events"),
    SECRETS_MANAGER("SECRETS_MANAGER", "secretsmanager"),
    SSM("SSM", "ssm"),
    STS("STS", "sts");

    private final String envSuffix;
    private final String endpointPrefix;

    AwsService(String envSuffix, String endpointPrefix) {
        this.envSuffix = envSuffix;
        this.endpointPrefix = endpointPrefix;
    }

    /** {@code AWS_ENDPOINT_URL_<SERVICE>}, which the AWS SDK v2 (2.28.1 and later) reads. */
    public String endpointVariable() {
        return "AWS_ENDPOINT_URL_" + envSuffix;
    }

    /** The service's name in LocalStack's {@code SERVICES} list and in its AWS endpoint host names. */
    public String endpointPrefix() {
        return endpointPrefix;
    }
}

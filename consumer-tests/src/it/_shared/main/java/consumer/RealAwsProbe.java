package consumer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 client aimed at real AWS whose requests never leave: an interceptor that runs after the global ones
 * (LambdaKit's guard among them) stops each request before it is sent, saying where it would have gone.
 */
public final class RealAwsProbe {

    private RealAwsProbe() {}

    static final class StopBeforeSending implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            throw new IllegalStateException("would send to " + context.httpRequest().host());
        }
    }

    public static S3Client s3(Region region) {
        return S3Client.builder()
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAX", "secret")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new StopBeforeSending()))
                .build();
    }
}

package consumer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdakit.junit.LambdaTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The guard covers LambdaKit's tests and functions; the module's other tests keep reaching AWS as before. */
class GuardScopeTest {

    /** Runs after the global interceptors (LambdaKit's guard among them) and stops the request before it is sent. */
    static final class StopBeforeSending implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            throw new IllegalStateException("would send to " + context.httpRequest().host());
        }
    }

    static S3Client realS3() {
        return S3Client.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAX", "secret")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new StopBeforeSending())).build();
    }

    @Test
    void plainTestsAreLeftAlone() {
        try (S3Client s3 = realS3()) {
            assertThatThrownBy(s3::listBuckets).isInstanceOf(IllegalStateException.class)
                    .hasMessage("would send to s3.amazonaws.com");
        }
    }

    @Nested
    @LambdaTest(handlerClass = GreetingHandler.class)
    class UnderLambdaTest {
        @Test
        void annotatedTestsAreGuarded() {
            try (S3Client s3 = realS3()) {
                assertThatThrownBy(s3::listBuckets).hasMessageStartingWith("LambdaKit stopped a request to real AWS");
            }
        }
    }
}

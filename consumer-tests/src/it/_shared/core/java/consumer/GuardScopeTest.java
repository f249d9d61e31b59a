package consumer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdakit.junit.LambdaTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The guard covers LambdaKit's tests and functions; the module's other tests keep reaching AWS as before. */
class GuardScopeTest {

    static S3Client realS3() {
        return RealAwsProbe.s3(Region.US_EAST_1);
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

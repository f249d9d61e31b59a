package consumer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdakit.junit.AllowRealAws;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** With lambdakit.guard=global in junit-platform.properties, plain tests are guarded too. */
class GlobalGuardTest {

    static S3Client realS3() {
        return RealAwsProbe.s3(Region.EU_WEST_1);
    }

    @Test
    void aPlainTestIsGuarded() {
        try (S3Client s3 = realS3()) {
            assertThatThrownBy(s3::listBuckets).hasMessageStartingWith("LambdaKit stopped a request to real AWS: "
                    + "S3.ListBuckets to https://s3.eu-west-1.amazonaws.com.");
        }
    }

    @Nested
    @AllowRealAws
    class OnPurpose {
        @Test
        void aPlainTestWithAllowRealAwsIsLetThrough() {
            try (S3Client s3 = realS3()) {
                assertThatThrownBy(s3::listBuckets).isInstanceOf(IllegalStateException.class)
                        .hasMessage("would send to s3.eu-west-1.amazonaws.com");
            }
        }
    }
}

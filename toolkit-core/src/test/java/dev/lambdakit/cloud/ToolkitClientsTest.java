package dev.lambdakit.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class ToolkitClientsTest {

    private static final ThreadLocal<Boolean> TRACING = ThreadLocal.withInitial(() -> false);

    /**
     * Registered as a global interceptor in this module's test resources, as the X-Ray SDK registers its own; it
     * fails requests outside a segment, but only while a test here switches it on.
     */
    public static final class TracingLikeInterceptor implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (TRACING.get()) {
                throw new IllegalStateException("SegmentNotFoundException: no segment is in progress");
            }
        }
    }

    @Test
    @DisplayName("the user's global interceptors reach their own clients, never LambdaKit's fixtures")
    void fixturesIgnoreGlobalInterceptors() {
        TRACING.set(true);
        try (TestResources resources = new TestResources(EmbeddedBackend.shared());
                S3Client users = S3Client.builder()
                        .region(Region.US_EAST_1)
                        .credentialsProvider(EmbeddedBackendTest.FAKE)
                        .endpointOverride(EmbeddedBackend.shared().endpoint(AwsService.S3))
                        .forcePathStyle(true)
                        .build()) {
            TestResources.Bucket bucket = resources.bucket("traced");

            assertThat(resources
                            .s3()
                            .headBucket(r -> r.bucket(bucket.name()))
                            .sdkHttpResponse()
                            .isSuccessful())
                    .isTrue();
            assertThatThrownBy(users::listBuckets).hasMessageContaining("SegmentNotFoundException");
        } finally {
            TRACING.remove();
        }
    }
}

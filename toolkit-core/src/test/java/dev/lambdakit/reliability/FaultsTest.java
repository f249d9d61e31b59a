package dev.lambdakit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.cloud.EmbeddedBackend;
import dev.lambdakit.cloud.TestResources;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.process.ForkedFunction;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.testhandlers.CloudHandlers;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Faults a handler or a backend can cause, each ending in a clear outcome, with the next test unaffected. */
class FaultsTest {

    @Test
    @DisplayName("a backend that dies mid-test gives the SDK's clear connection error, not a hang")
    void backendDies() {
        EmbeddedBackend backend = EmbeddedBackend.shared();
        try (TestResources resources = new TestResources(backend)) {
            String bucket = resources.bucket("dies").name();
            backend.stopAll();
            long start = System.nanoTime();
            assertThatThrownBy(() -> resources.s3().headBucket(r -> r.bucket(bucket)))
                    .isInstanceOf(SdkClientException.class).hasMessageContaining("Unable to execute HTTP request");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        } catch (IllegalStateException cleanupAfterStop) {
            assertThat(cleanupAfterStop).hasMessageStartingWith("Could not remove every test resource");
        }
        assertThat(backend.endpoint(AwsService.S3).getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "the runtime interface client ships native code for Linux only")
    @DisplayName("the guard against real AWS holds inside a forked runtime too")
    void guardInForkedRuntime() {
        try (ForkedFunction fn = ForkedFunction.create(FunctionConfig.builder()
                .handler(CloudHandlers.RealS3.class.getName() + "::handle").timeout(Duration.ofSeconds(20)).build())) {
            InvocationResult<Object> result = fn.invoke("{}");

            assertThat(result.error()).get().extracting(e -> e.errorMessage()).asString()
                    .contains("LambdaKit stopped a request to real AWS: S3.ListBuckets");
        }
    }
}

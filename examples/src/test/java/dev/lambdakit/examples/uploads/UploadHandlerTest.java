package dev.lambdakit.examples.uploads;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.lambdakit.events.S3Events;
import dev.lambdakit.junit.Env;
import dev.lambdakit.junit.LambdaHandler;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;

/** Unit layer: an S3-triggered handler, with events from the S3 builder (keys encoded as S3 sends them). */
@LambdaTest
@Env(name = "ARCHIVE_BUCKET", value = "archive")
@ExtendWith(MockitoExtension.class)
class UploadHandlerTest {

    @Mock
    S3Client s3;

    @LambdaHandler
    UploadHandler handler() {
        return new UploadHandler(s3, System.getenv("ARCHIVE_BUCKET"));
    }

    @Test
    void archivesNewImagesWithTheirDecodedKeys(LambdaFunction fn) {
        InvocationResult<?> result = fn.invoke(
                S3Events.bucket("uploads")
                        .put("photos/summer 2026.JPG", 52_000)
                        .put("notes/todo.txt", 10)
                        .delete("photos/old.png")
                        .build(),
                List.class);

        assertThat(result).succeeded();
        assertThat(result.output())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly("photos/summer 2026.JPG");
        ArgumentCaptor<CopyObjectRequest> copy = ArgumentCaptor.forClass(CopyObjectRequest.class);
        verify(s3, times(1)).copyObject(copy.capture());
        assertThat(copy.getValue().sourceBucket()).isEqualTo("uploads");
        assertThat(copy.getValue().destinationBucket()).isEqualTo("archive");
        assertThat(copy.getValue().sourceKey()).isEqualTo("photos/summer 2026.JPG");
    }

    @Test
    void anS3FailureFailsTheInvocation(LambdaFunction fn) {
        org.mockito.Mockito.when(s3.copyObject(any(CopyObjectRequest.class)))
                .thenThrow(software.amazon.awssdk.services.s3.model.S3Exception.builder()
                        .message("Access Denied")
                        .build());

        InvocationResult<Object> result =
                fn.invoke(S3Events.bucket("uploads").put("a.png", 1).build());

        assertThat(result)
                .failedDuringInvoke()
                .hasErrorType("software.amazon.awssdk.services.s3.model.S3Exception")
                .hasErrorMessageContaining("Access Denied");
    }
}

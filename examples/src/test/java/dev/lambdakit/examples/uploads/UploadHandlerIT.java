package dev.lambdakit.examples.uploads;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;

import dev.lambdakit.cloud.BackendKind;
import dev.lambdakit.cloud.TestResources;
import dev.lambdakit.events.S3Events;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.junit.Replay;
import dev.lambdakit.junit.TestBucket;
import dev.lambdakit.runtime.LambdaFunction;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Integration layer: the upload handler, built the production way ({@code S3Client.create()} in its constructor),
 * copying real objects: against the embedded S3, against LocalStack where Docker runs, and replayed from a
 * committed recording with no backend at all.
 */
@LambdaTest(handler = "dev.lambdakit.examples.uploads.UploadHandler::handleRequest", timeout = "20s")
class UploadHandlerIT {

    static void archivesAnUpload(
            TestResources.Bucket uploads, TestResources.Bucket archive, S3Client s3, LambdaFunction fn) {
        s3.putObject(r -> r.bucket(uploads.name()).key("photos/summer 2026.jpg"), RequestBody.fromString("jpeg"));

        assertThat(fn.invoke(S3Events.bucket(uploads.name())
                        .put("photos/summer 2026.jpg", 4)
                        .build()))
                .succeeded();

        assertThat(s3.getObjectAsBytes(r -> r.bucket(archive.name()).key("photos/summer 2026.jpg"))
                        .asUtf8String())
                .isEqualTo("jpeg");
    }

    @Test
    void archivesAgainstTheEmbeddedBackend(
            @TestBucket TestResources.Bucket uploads,
            @TestBucket(env = "ARCHIVE_BUCKET") TestResources.Bucket archive,
            S3Client s3,
            LambdaFunction fn) {
        archivesAnUpload(uploads, archive, s3, fn);
    }

    @Test
    @LambdaTest(
            handler = "dev.lambdakit.examples.uploads.UploadHandler::handleRequest",
            timeout = "60s",
            backend = BackendKind.LOCALSTACK,
            disabledWithoutDocker = true)
    void archivesAgainstLocalStack(
            @TestBucket TestResources.Bucket uploads,
            @TestBucket(env = "ARCHIVE_BUCKET") TestResources.Bucket archive,
            S3Client s3,
            LambdaFunction fn) {
        archivesAnUpload(uploads, archive, s3, fn);
    }

    @Test
    @Replay
    void archivesFromARecording(
            @TestBucket TestResources.Bucket uploads,
            @TestBucket(env = "ARCHIVE_BUCKET") TestResources.Bucket archive,
            S3Client s3,
            LambdaFunction fn) {
        archivesAnUpload(uploads, archive, s3, fn);
    }
}

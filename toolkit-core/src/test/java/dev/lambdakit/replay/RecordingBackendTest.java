package dev.lambdakit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.cloud.Backends;
import dev.lambdakit.cloud.EmbeddedBackend;
import dev.lambdakit.cloud.TestResources;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import dev.lambdakit.testhandlers.CloudHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class RecordingBackendTest {

    /** The test body both runs share: fixtures, a handler using S3 and SQS, and reads back. */
    private static String scenario(dev.lambdakit.cloud.AwsBackend backend) {
        try (TestResources resources = new TestResources(backend, "RecordingBackendTest#scenario")) {
            TestResources.Bucket bucket = resources.bucket("docs");
            TestResources.Queue queue = resources.queue("notes", false, 3, 30, false);
            FunctionConfig config = FunctionConfig.builder()
                    .handler(CloudHandlers.Archiver.class.getName() + "::handle")
                    .env(Backends.environment(backend, List.of(AwsService.S3, AwsService.SQS)))
                    .env("BUCKET", bucket.name())
                    .env("QUEUE_URL", queue.url())
                    .timeout(Duration.ofSeconds(20))
                    .build();
            try (LambdaFunction fn = LambdaFunction.create(config)) {
                InvocationResult<String> result = fn.invoke(Map.of("key", "a.txt", "body", "recorded"), String.class);
                assertThat(result.isSuccess()).as("%s", result).isTrue();
            }
            String stored = resources
                    .s3()
                    .getObjectAsBytes(r -> r.bucket(bucket.name()).key("a.txt"))
                    .asUtf8String();
            String note = resources
                    .sqs()
                    .receiveMessage(r -> r.queueUrl(queue.url()).waitTimeSeconds(1))
                    .messages()
                    .get(0)
                    .body();
            return stored + "|" + note;
        }
    }

    @Test
    @DisplayName("traffic recorded against the embedded backend replays with no backend, handler clients included")
    void recordThenReplay(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("recordings/scenario.json");
        String recorded;
        try (RecordingBackend recording = RecordingBackend.record(EmbeddedBackend.shared(), file)) {
            recorded = scenario(recording);
        }
        assertThat(recorded).isEqualTo("recorded|stored a.txt");
        String text = Files.readString(file);
        assertThat(text)
                .contains("\"service\":\"S3\"")
                .contains("AmazonSQS.SendMessage")
                .doesNotContainPattern("127\\.0\\.0\\.1:\\d")
                .as("no credentials in recordings: headers are not kept")
                .doesNotContain("ASIALAMBDAKIT")
                .doesNotContain("Authorization")
                .doesNotContain(dev.lambdakit.env.TemporaryCredentials.SESSION_TOKEN_PREFIX);

        String replayed;
        try (RecordingBackend replay = RecordingBackend.replay(file)) {
            replayed = scenario(replay);
            assertThat(replay.mismatches()).isEmpty();
        }
        assertThat(replayed).isEqualTo(recorded);
    }

    @Test
    @DisplayName("a request with no recorded match fails, naming the request")
    void mismatch(@TempDir Path dir) {
        Path file = dir.resolve("empty.json");
        new Recording().save(file);
        try (RecordingBackend replay = RecordingBackend.replay(file);
                TestResources resources = new TestResources(replay, "x")) {
            assertThatThrownBy(() -> resources.bucket("b"))
                    .isInstanceOf(AwsServiceException.class)
                    .hasMessageContaining(
                            "LambdaKit replay: no recorded interaction in " + file + " matches S3 PUT " + "/lk-");
            assertThat(replay.mismatches()).singleElement().asString().startsWith("S3 PUT /lk-");
        }
    }

    @Test
    void aMissingRecordingSaysHowToRecordIt(@TempDir Path dir) {
        assertThatThrownBy(() -> RecordingBackend.replay(dir.resolve("none.json")))
                .hasMessage("No recording at " + dir.resolve("none.json") + ": record it once against a backend with "
                        + "-Dlambdakit.replay=record, then commit the file");
    }
}

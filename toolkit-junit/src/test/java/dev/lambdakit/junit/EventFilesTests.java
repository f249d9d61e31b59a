package dev.lambdakit.junit;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lambdakit.events.EventJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class EventFilesTests {

    @Test
    @DisplayName("an event file is read once, and again when it changes on disk")
    void changedFilesAreReadAgain(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("e.json");
        Files.writeString(file, "{\"v\":1}");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            byte[] first = EventFiles.file("e.json", loader).bytes();
            first[0] = 'x'; // callers get their own copy
            org.assertj.core.api.Assertions.assertThat(
                            EventFiles.file("e.json", loader).bytes())
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo("{\"v\":1}");
            Files.writeString(file, "{\"v\":2}");
            Files.setLastModifiedTime(
                    file,
                    java.nio.file.attribute.FileTime.fromMillis(
                            Files.getLastModifiedTime(file).toMillis() + 2_000));
            org.assertj.core.api.Assertions.assertThat(
                            EventFiles.file("e.json", loader).bytes())
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo("{\"v\":2}");
        }
    }

    @Test
    @DisplayName("folders load from directories and from inside jars, sorted by name")
    void foldersInJars(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("events.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // Directory entries, as Maven's and the JDK's jar tools write them.
            out.putNextEntry(new JarEntry("fixtures/"));
            out.closeEntry();
            for (String name :
                    List.of("fixtures/b.json", "fixtures/a.json", "fixtures/nested/c.json", "fixtures/readme.txt")) {
                out.putNextEntry(new JarEntry(name));
                out.write(("{\"Records\":[{\"messageId\":\"" + name + "\"}]}").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<EventFiles.Found> found = EventFiles.folder("fixtures/", loader);

            assertThat(found).extracting(EventFiles.Found::name).containsExactly("fixtures/a.json", "fixtures/b.json");
            SQSEvent event = (SQSEvent) EventFiles.convert(found.get(0), SQSEvent.class, Map.of());
            assertThat(event.getRecords().get(0).getMessageId()).isEqualTo("fixtures/a.json");
        }
    }

    @Test
    void placeholdersAreReplacedAndUnknownOnesNamed() {
        assertThat(EventFiles.substitute("f.json", "{\"a\":\"${region}\"}", Map.of("region", "eu-west-1")))
                .isEqualTo("{\"a\":\"eu-west-1\"}");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> EventFiles.substitute("f.json", "{\n  \"a\": \"${nope}\"}", Map.of("region", "x")))
                .hasMessage("@Event file 'f.json' at line 2, column 9: unknown placeholder ${nope}; known "
                        + "placeholders are [region] (add your own with placeholders = \"name=value\")");
    }

    @Test
    @DisplayName("@Event and @EventSource in real tests: placeholders from @LambdaTest and the test's values")
    void inTests() {
        Events events = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(EventTestCase.class))
                .execute()
                .testEvents();
        events.assertStatistics(s -> s.started(4).succeeded(3).failed(1));
        assertThat(LambdaExtensionTests.failures(events))
                .singleElement()
                .extracting(Throwable::getMessage)
                .isEqualTo("@Event file 'events/unknown-placeholder.json' at line 2, column 18: unknown placeholder "
                        + "${nobodyKnows}; known placeholders are [accountId, functionName, region] (add your own "
                        + "with placeholders = \"name=value\")");
    }

    @LambdaTest(handlerClass = Greeter.class, region = "ap-south-1")
    static class EventTestCase {
        @Test
        void folder(@Event(value = "events/orders/", placeholders = "messageId=second") List<SQSEvent> orders) {
            assertThat(orders).hasSize(2);
            assertThat(orders.get(1).getRecords().get(0).getMessageId()).isEqualTo("second");
            assertThat(orders.get(0).getRecords().get(0).getEventSourceArn())
                    .isEqualTo("arn:aws:sqs:ap-south-1:123456789012:orders");
        }

        @ParameterizedTest
        @EventSource(value = "events/orders/", placeholders = "messageId=from-source")
        void eachFile(SQSEvent event) {
            assertThat(event.getRecords().get(0).getAwsRegion()).isEqualTo("ap-south-1");
            assertThat(event.getRecords().get(0).getMessageId()).isIn("first", "from-source");
        }

        @Test
        void unknownPlaceholder(@Event("events/unknown-placeholder.json") SQSEvent event) {
            assertThat(event).isNull();
        }
    }

    @Test
    @DisplayName("@Event works without @LambdaTest, with Lambda's defaults for placeholders")
    void withoutLambdaTest() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(PlainTestCase.class))
                .execute()
                .testEvents()
                .assertStatistics(s -> s.started(1).succeeded(1));
    }

    static class PlainTestCase {
        @Test
        void plain(@Event(value = "events/orders/02-second.json", placeholders = "messageId=m") SQSEvent event) {
            assertThat(event.getRecords().get(0).getAwsRegion()).isEqualTo("us-east-1");
        }
    }

    @Test
    @DisplayName("AWS's samples load through @Event exactly as the runtime's serializer reads them")
    void samples() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(SamplesTestCase.class))
                .execute()
                .testEvents()
                .assertStatistics(s -> s.started(1).succeeded(1));
    }

    static class SamplesTestCase {
        @Test
        void load(
                @Event("aws-sample-events/s3_event.json") S3Event s3,
                @Event("aws-sample-events/dynamo_event.json") DynamodbEvent ddb,
                @Event("aws-sample-events/kafka_event.json") KafkaEvent kafka,
                @Event("aws-sample-events/apigw_http_event.json") APIGatewayV2HTTPEvent http,
                @Event("aws-sample-events/s3_event.json") String s3Text) {
            assertThat(EventJson.toJsonString(s3))
                    .isEqualTo(EventJson.toJsonString(EventJson.fromJson(s3Text, S3Event.class)));
            assertThat(s3.getRecords().get(0).getS3().getObject().getKey()).isEqualTo("test/key");
            assertThat(ddb.getRecords()).hasSize(3);
            assertThat(kafka.getRecords().get("mytopic-01").get(0).getOffset()).isEqualTo(15);
            assertThat(http.getRequestContext().getAuthorizer().getJwt().getClaims())
                    .containsEntry("claim1", "value1");
        }
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}

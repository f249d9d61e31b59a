package dev.lambdakit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.lambdakit.runtime.LambdaFunction;
import dev.lambdakit.server.LambdaService;
import dev.lambdakit.server.TemplateApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

class TemplateTests {

    @Nested
    @LambdaTest(template = "src/test/resources/templates/greeter.yaml", function = "GreeterFunction")
    class FromTheTemplate {

        @Test
        void configurationComesFromTheTemplate(LambdaFunction fn) {
            assertThat(fn.config().functionName()).isEqualTo("GreeterFunction");
            assertThat(fn.config().memoryMb()).isEqualTo(1024);
            assertThat(fn.config().timeout()).isEqualTo(Duration.ofSeconds(12));
            assertThat(fn.config().runtime()).isEqualTo("java17");
            assertThat(System.getenv("TABLE")).isEqualTo("greetings-dev");
            assertThat(fn.invoke("{\"name\":\"Ada\"}").payloadAsString()).contains("\"table\":\"greetings-dev\"");
        }

        @Test
        @LambdaTest(
                template = "templates/greeter.yaml",
                function = "GreeterFunction",
                parameters = "Stage=prod",
                memoryMb = 256,
                region = "eu-west-1")
        @Env(name = "STAGE", value = "from-env")
        void annotationValuesAndParametersWin(LambdaFunction fn) {
            assertThat(fn.config().memoryMb()).isEqualTo(256);
            assertThat(fn.config().timeout()).isEqualTo(Duration.ofSeconds(12));
            assertThat(fn.config().region()).isEqualTo("eu-west-1");
            assertThat(fn.config().environment())
                    .containsEntry("TABLE", "greetings-prod")
                    .containsEntry("STAGE", "from-env");
        }
    }

    @Test
    void aTemplateServiceServesEveryFunctionUnderItsName() {
        Events events = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ServiceTestCase.class))
                .execute()
                .testEvents();

        assertThat(LambdaExtensionTests.failures(events)).isEmpty();
        events.assertStatistics(s -> s.succeeded(2));
    }

    @LambdaServiceTest(template = "src/test/resources/templates/greeter.yaml", parameters = "Stage=qa")
    static class ServiceTestCase {
        @Test
        void both(LambdaService service, LambdaClient lambda) {
            assertThat(service.function("GreeterFunction").config().timeout()).isEqualTo(Duration.ofSeconds(12));
            assertThat(service.function("farewell-qa").config().timeout()).isEqualTo(Duration.ofSeconds(5));
            String payload = lambda.invoke(
                            r -> r.functionName("farewell-qa").payload(SdkBytes.fromUtf8String("{\"name\":\"Bo\"}")))
                    .payload()
                    .asUtf8String();
            assertThat(payload).contains("Hello, Bo").contains("\"table\":\"null\"");
        }

        @Test
        void theTemplatesApplication(TemplateApplication app) {
            assertThat(app.service().function("GreeterFunction").config().memoryMb())
                    .isEqualTo(1024);
            assertThat(app.front()).isPresent();
        }
    }

    @Test
    void whatIsNotSimulatedIsSaidOnce() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            LambdaExtensionTests.run(SkippedTestCase.class).assertStatistics(s -> s.succeeded(2));
        } finally {
            System.setErr(before);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text.lines().filter(l -> l.contains("GreeterFunction: not simulated")))
                .hasSize(1)
                .first()
                .asString()
                .contains("Layers: layers are not loaded; their classes must be on the test class path");
    }

    @LambdaTest(template = "src/test/resources/templates/greeter.yaml", function = "GreeterFunction", seed = 7)
    static class SkippedTestCase {
        @Test
        void one(LambdaFunction fn) {
            assertThat(fn.config().memoryMb()).isEqualTo(1024);
        }

        @Test
        void two(LambdaFunction fn) {
            assertThat(fn.config().memoryMb()).isEqualTo(1024);
        }
    }

    @Test
    void mistakesInTheAnnotationAreNamed() {
        List<Throwable> failures = LambdaExtensionTests.failures(LambdaExtensionTests.run(BadTemplateTestCase.class));

        assertThat(failures)
                .extracting(Throwable::getMessage)
                .anySatisfy(m -> assertThat(m)
                        .contains("template 'nowhere.yaml' not found; looked at")
                        .contains("and the test class path"))
                .anySatisfy(m -> assertThat(m)
                        .contains("declares 2 functions [GreeterFunction, FarewellFunction]; say which one"))
                .anySatisfy(m -> assertThat(m).contains("has no function Greeter; its functions are"))
                .anySatisfy(m -> assertThat(m).contains("template parameter 'Stage' must be written Name=value"))
                .hasSize(4);
    }

    static class BadTemplateTestCase {
        @Test
        @LambdaTest(template = "nowhere.yaml")
        void missingFile(LambdaFunction fn) {
            assertThat(fn).isNotNull();
        }

        @Test
        @LambdaTest(template = "templates/greeter.yaml")
        void whichFunction(LambdaFunction fn) {
            assertThat(fn).isNotNull();
        }

        @Test
        @LambdaTest(template = "templates/greeter.yaml", function = "Greeter")
        void noSuchFunction(LambdaFunction fn) {
            assertThat(fn).isNotNull();
        }

        @Test
        @LambdaTest(template = "templates/greeter.yaml", function = "GreeterFunction", parameters = "Stage")
        void badParameter(LambdaFunction fn) {
            assertThat(fn).isNotNull();
        }
    }
}

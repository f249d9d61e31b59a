package dev.lambdakit.junit;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs fixture classes through the real Jupiter engine and checks what they saw and how they failed. */
class LambdaExtensionTests {

    private static final Map<String, String> ENV_BEFORE = new HashMap<>(System.getenv());

    static Events run(Class<?> testCase) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testCase))
                .execute()
                .testEvents();
    }

    static List<Throwable> failures(Events events) {
        return events.failed().stream()
                .map(e -> e.getPayload(TestExecutionResult.class)
                        .orElseThrow()
                        .getThrowable()
                        .orElseThrow())
                .toList();
    }

    @AfterAll
    static void environmentIsRestored() {
        assertThat(System.getenv()).isEqualTo(ENV_BEFORE);
    }

    @Test
    @DisplayName("@Nested classes inherit the enclosing class's @LambdaTest, @Env and @LambdaHandler")
    void nestedClassesInherit() {
        run(NestedTestCase.class).assertStatistics(s -> s.started(4).succeeded(4));
    }

    @LambdaTest(region = "ap-south-1")
    @Env(name = "TABLE", value = "outer")
    static class NestedTestCase {
        final String greeting = "Hi";

        @LambdaHandler
        Greeter greeter() {
            return new Greeter(greeting);
        }

        @org.junit.jupiter.api.Nested
        class Inner {
            @Test
            void inheritsAll(LambdaFunction fn) {
                assertThat(fn.invoke(Map.of("name", "n")))
                        .succeeded()
                        .hasPayload("{\"message\":\"Hi, n\",\"table\":\"outer\",\"region\":\"ap-south-1\"}");
            }

            @org.junit.jupiter.api.Nested
            @Env(name = "TABLE", value = "inner")
            class Deeper {
                @Test
                void innermostEnvWins(LambdaFunction fn) {
                    assertThat(fn.invoke(Map.of()))
                            .succeeded()
                            .hasPayload("{\"message\":\"Hi, world\",\"table\":\"inner\",\"region\":\"ap-south-1\"}");
                }
            }
        }

        @org.junit.jupiter.params.ParameterizedTest
        @EventSource(value = "events/orders/", placeholders = "messageId=m")
        void eventSourceWithAnInstanceFactory(SQSEvent event, LambdaFunction fn) {
            assertThat(event.getRecords().get(0).getAwsRegion()).isEqualTo("ap-south-1");
            assertThat(fn.invoke(Map.of("name", "e"))).succeeded();
        }
    }

    @Test
    @DisplayName("@Env on the class applies to every test, a method's @Env replaces it by name")
    void envOverrides() {
        run(EnvTestCase.class).assertStatistics(s -> s.started(2).succeeded(2));
    }

    @LambdaTest(handlerClass = Greeter.class, region = "eu-west-1")
    @Env(name = "TABLE", value = "from-class")
    @Env(name = "OTHER", value = "kept")
    static class EnvTestCase {
        @Test
        void classValues(LambdaFunction fn) {
            assertThat(fn.invoke("{\"name\":\"Ann\"}"))
                    .succeeded()
                    .hasPayload("{\"message\":\"Hello, Ann\",\"table\":\"from-class\",\"region\":\"eu-west-1\"}");
            assertThat(System.getenv("TABLE")).isEqualTo("from-class");
            assertThat(System.getenv("AWS_REGION")).isEqualTo("eu-west-1");
        }

        @Test
        @Env(name = "TABLE", value = "from-method")
        void methodValues(LambdaFunction fn) {
            assertThat(fn.invoke("{}")).succeeded().output().extracting("table").isEqualTo("from-method");
            assertThat(System.getenv("OTHER")).isEqualTo("kept");
        }
    }

    @Test
    @DisplayName("a method-level @LambdaTest replaces the class's; each test gets its own function")
    void methodLevelAnnotation() {
        run(MethodLevelTestCase.class).assertStatistics(s -> s.started(2).succeeded(2));
    }

    @LambdaTest(handlerClass = Greeter.class, memoryMb = 256)
    static class MethodLevelTestCase {
        @Test
        @LambdaTest(handler = "dev.lambdakit.junit.Greeter", memoryMb = 1024, timeout = "PT30S", functionName = "fn")
        void methodWins(LambdaFunction fn) {
            assertThat(fn.config().memoryMb()).isEqualTo(1024);
            assertThat(fn.config().timeout().toSeconds()).isEqualTo(30);
            assertThat(fn.config().functionName()).isEqualTo("fn");
        }

        @Test
        void classApplies(LambdaFunction fn, Context context) {
            assertThat(fn.config().memoryMb()).isEqualTo(256);
            assertThat(context.getMemoryLimitInMB()).isEqualTo(256);
            assertThat(fn.invoke("{}")).wasColdStart();
        }
    }

    @Test
    @DisplayName("misconfiguration fails the test with a message naming what is wrong and what is valid")
    void misconfiguration() {
        assertThat(failures(run(NoHandlerTestCase.class)))
                .singleElement()
                .asString()
                .contains("@LambdaTest on " + NoHandlerTestCase.class.getName() + " needs exactly one handler");
        assertThat(failures(run(BadConfigTestCase.class)))
                .extracting(Throwable::getMessage)
                .containsExactlyInAnyOrder(
                        "Invalid @LambdaTest configuration on " + BadConfigTestCase.class.getName()
                                + "#memory: memoryMb must be between 128 and 10240 MB, but was 64 MB",
                        "Invalid @LambdaTest configuration on " + BadConfigTestCase.class.getName() + "#reserved: "
                                + "environment variable AWS_REGION is reserved by Lambda and cannot be set; reserved names "
                                + "are [AWS_ACCESS_KEY, AWS_ACCESS_KEY_ID, AWS_DEFAULT_REGION, AWS_EXECUTION_ENV, "
                                + "AWS_LAMBDA_FUNCTION_MEMORY_SIZE, AWS_LAMBDA_FUNCTION_NAME, AWS_LAMBDA_FUNCTION_VERSION, "
                                + "AWS_LAMBDA_INITIALIZATION_TYPE, AWS_LAMBDA_LOG_GROUP_NAME, AWS_LAMBDA_LOG_STREAM_NAME, "
                                + "AWS_LAMBDA_RUNTIME_API, AWS_REGION, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, "
                                + "LAMBDA_RUNTIME_DIR, LAMBDA_TASK_ROOT, TZ, _HANDLER, _X_AMZN_TRACE_ID]",
                        "@LambdaTest timeout = \"soon\" is not a duration; write for example \"3s\", \"500ms\", \"2m\", "
                                + "\"PT15S\" or \"10\" (seconds)",
                        "Invalid @LambdaTest configuration on " + BadConfigTestCase.class.getName()
                                + "#fractional: timeout must be a whole number of seconds (Lambda's unit), but was PT1.5S");
    }

    @LambdaTest
    static class NoHandlerTestCase {
        @Test
        void test(LambdaFunction fn) {
            assertThat(fn).isNotNull();
        }
    }

    static class BadConfigTestCase {
        @Test
        @LambdaTest(handlerClass = Greeter.class, memoryMb = 64)
        void memory(LambdaFunction fn) {
            assertThat(fn).isNotNull();
        }

        @Test
        @LambdaTest(handlerClass = Greeter.class)
        @Env(name = "AWS_REGION", value = "eu-west-1")
        void reserved(LambdaFunction fn) {
            assertThat(fn).isNotNull();
        }

        @Test
        @LambdaTest(handlerClass = Greeter.class, timeout = "soon")
        void timeout(LambdaFunction fn) {
            assertThat(fn).isNotNull();
        }

        @Test
        @LambdaTest(handlerClass = Greeter.class, timeout = "1500ms")
        void fractional(LambdaFunction fn) {
            assertThat(fn).isNotNull();
        }
    }

    @Test
    @DisplayName("@LambdaHandler builds the instance from the test's own fields, again on each cold start")
    void handlerFactory() {
        run(FactoryTestCase.class).assertStatistics(s -> s.started(1).succeeded(1));
    }

    @LambdaTest
    static class FactoryTestCase {
        int built;

        @LambdaHandler
        Greeter greeter() {
            built++;
            return new Greeter("Hi");
        }

        @Test
        void usesTheFactory(LambdaFunction fn) {
            assertThat(fn.invoke("{\"name\":\"Bo\"}"))
                    .succeeded()
                    .output()
                    .extracting("message")
                    .isEqualTo("Hi, Bo");
            fn.forceColdStart();
            fn.invoke("{}");
            assertThat(built).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("@Event loads through the runtime's serializer, and says where a file is wrong")
    void eventFiles() {
        Events events = run(EventTestCase.class);
        events.assertStatistics(s -> s.started(3).succeeded(1).failed(2));
        assertThat(failures(events))
                .extracting(Throwable::getMessage)
                .containsExactlyInAnyOrder(
                        "@Event file 'events/missing.json' was found neither on the test class path (as resource "
                                + "'events/missing.json') nor as a file relative to "
                                + java.nio.file.Path.of("").toAbsolutePath()
                                + "; put it under src/test/resources/events/missing.json, or give its path "
                                + "from the project folder",
                        "@Event file 'events/broken.json' does not parse as "
                                + "com.amazonaws.services.lambda.runtime.events.SQSEvent at line 4, column 19: "
                                + "Unrecognized token 'oops': was expecting (JSON String, Number (or 'NaN'/'+INF'/'-INF'), "
                                + "Array, Object or token 'null', 'true' or 'false')");
    }

    static class EventTestCase {
        @Test
        @LambdaTest(handlerClass = Greeter.class)
        void loads(
                @Event("/events/sqs.json") SQSEvent event,
                @Event("events/sqs.json") String raw,
                @Event("src/test/resources/events/sqs.json") SQSEvent fromProjectFolder) {
            assertThat(event.getRecords()).hasSize(1);
            assertThat(fromProjectFolder.getRecords().get(0).getBody())
                    .isEqualTo(event.getRecords().get(0).getBody());
            assertThat(event.getRecords().get(0).getEventSourceArn())
                    .isEqualTo("arn:aws:sqs:eu-central-1:123456789012:TestLambda");
            assertThat(raw).contains("\"eventSourceARN\"");
        }

        @Test
        @LambdaTest(handlerClass = Greeter.class)
        void missing(@Event("events/missing.json") SQSEvent event) {
            assertThat(event).isNull();
        }

        @Test
        @LambdaTest(handlerClass = Greeter.class)
        void broken(@Event("events/broken.json") SQSEvent event) {
            assertThat(event).isNull();
        }
    }

    @Test
    @DisplayName("an assertion on a failed invocation shows the error type, message and first frames")
    void assertionMessages() {
        Throwable failure = failures(run(FailingAssertionTestCase.class)).get(0);

        assertThat(failure)
                .isInstanceOf(AssertionError.class)
                .message()
                .contains("to succeed, but it failed with:")
                .contains("java.lang.IllegalArgumentException: no luck")
                .contains("(invoke error, Runtime.UserException)")
                .contains("at dev.lambdakit.junit.Greeter.handleRequest(Greeter.java:")
                .contains("END RequestId: ");
    }

    @LambdaTest(handlerClass = Greeter.class)
    static class FailingAssertionTestCase {
        @Test
        void fails(LambdaFunction fn) {
            InvocationResult<Object> result = fn.invoke("{\"fail\":\"no luck\"}");
            assertThat(result).succeeded();
        }
    }

    @Test
    @DisplayName("@LambdaTest composes into an annotation of the user's own")
    void composedAnnotation() {
        run(ComposedTestCase.class).assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Retention(RetentionPolicy.RUNTIME)
    @LambdaTest(handlerClass = Greeter.class, memoryMb = 2048)
    @Env(name = "TABLE", value = "composed")
    @interface GreeterFunction {}

    @GreeterFunction
    static class ComposedTestCase {
        @Test
        void works(LambdaFunction fn) {
            assertThat(fn.config().memoryMb()).isEqualTo(2048);
            assertThat(fn.invoke("{}")).succeeded().output().extracting("table").isEqualTo("composed");
        }
    }

    @Test
    @DisplayName("in JUnit's parallel mode every test sees only its own environment")
    void parallelMode() {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .selectors(selectClass(ParallelTestCase.class))
                .execute()
                .testEvents()
                .assertStatistics(s -> s.started(40).succeeded(40));
    }

    @LambdaTest(handlerClass = Greeter.class)
    static class ParallelTestCase {
        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(
                ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19})
        @Env(name = "TABLE", value = "shared-name")
        void ownCredentials(int n, LambdaFunction fn) throws InterruptedException {
            String key = fn.credentials().accessKeyId();
            for (int i = 0; i < 20; i++) {
                assertThat(System.getenv("AWS_ACCESS_KEY_ID")).isEqualTo(key);
                Thread.sleep(1);
            }
            assertThat(fn.invoke("{}")).succeeded();
        }

        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(
                strings = {
                    "us-east-1",
                    "us-east-2",
                    "us-west-1",
                    "us-west-2",
                    "eu-west-1",
                    "eu-west-2",
                    "eu-west-3",
                    "eu-central-1",
                    "eu-north-1",
                    "ap-south-1",
                    "ap-northeast-1",
                    "ap-northeast-2",
                    "ap-southeast-1",
                    "ap-southeast-2",
                    "ca-central-1",
                    "sa-east-1",
                    "me-south-1",
                    "af-south-1",
                    "eu-south-1",
                    "ap-east-1"
                })
        void ownRegion(String region) {
            FunctionHolder.run(region);
        }
    }

    /** Builds a function per region by hand, to run many regions in parallel in one parameterized test. */
    static final class FunctionHolder {
        static void run(String region) {
            try (LambdaFunction fn = LambdaFunction.create(dev.lambdakit.function.FunctionConfig.builder()
                            .handler(Greeter.class)
                            .region(region)
                            .env("TABLE", "t-" + region)
                            .build());
                    var binding = fn.bindEnvironment()) {
                for (int i = 0; i < 10; i++) {
                    assertThat(fn.invoke("{}"))
                            .succeeded()
                            .hasPayload("{\"message\":\"Hello, world\",\"table\":\"t-" + region + "\",\"region\":\""
                                    + region + "\"}");
                    assertThat(System.getenv("AWS_REGION")).isEqualTo(region);
                }
            }
        }
    }
}

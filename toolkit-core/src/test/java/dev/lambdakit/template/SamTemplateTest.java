package dev.lambdakit.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdakit.function.Architecture;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.function.LambdaConfigurationException;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamTemplateTest {

    private static final SamTemplate ORDERS = load("orders.yaml").withParameter("ApiKey", "k-1");

    static SamTemplate load(String name) {
        try {
            return SamTemplate.load(Path.of(
                    SamTemplateTest.class.getResource("/templates/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void functionSettingsComeFromTheFunctionOverItsGlobals() {
        FunctionConfig config = ORDERS.function("CreateOrderFunction").config();

        assertThat(config.functionName()).isEqualTo("CreateOrderFunction");
        assertThat(config.handler().className()).contains("dev.lambdakit.testhandlers.Handlers$Env");
        assertThat(config.runtime()).isEqualTo("java21");
        assertThat(config.memoryMb()).isEqualTo(512);
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.architecture()).isEqualTo(Architecture.ARM64);
        assertThat(config.environment())
                .containsEntry("STAGE", "dev")
                .containsEntry("POWERTOOLS_SERVICE_NAME", "create-order");
    }

    @Test
    void intrinsicsResolveToTheTestsResourcesAndValues() {
        Map<String, String> env =
                ORDERS.function("CreateOrderFunction").config().environment();

        assertThat(env)
                .containsEntry("TABLE_NAME", "orders-dev")
                .containsEntry("TABLE_ARN", "arn:aws:dynamodb:us-east-1:123456789012:table/orders-dev")
                .containsEntry("QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/local-OrdersQueue")
                .containsEntry("QUEUE_ARN", "arn:aws:sqs:us-east-1:123456789012:local-OrdersQueue")
                .containsEntry("BUCKET", "local-receipts")
                .containsEntry("TOPIC", "arn:aws:sns:us-east-1:123456789012:order-events")
                .containsEntry("GREETING", "orders-dev in us-east-1 for 123456789012, literal ${Stage}")
                .containsEntry("QUEUE_NAME", "local-OrdersQueue-copy")
                .containsEntry("OWNERS", "ana+bo")
                .containsEntry("FIRST_OWNER", "ana")
                .containsEntry("MODE", "test-dev")
                .containsEntry("KEY", "k-1")
                .containsEntry("STACK", "local")
                .containsEntry("AWS_LAMBDA_LOG_FORMAT", "JSON")
                .containsEntry("AWS_LAMBDA_LOG_LEVEL", "DEBUG")
                .doesNotContainKey("OPTIONAL");
    }

    @Test
    void parametersRegionAccountAndStackNameChangeWhatResolves() {
        SamTemplate prod = ORDERS.withParameter("Stage", "prod")
                .withRegion("eu-west-3")
                .withAccountId("210987654321")
                .withStackName("shop");

        Map<String, String> env = prod.function("CreateOrderFunction").config().environment();

        assertThat(env)
                .containsEntry("MODE", "live")
                .containsEntry("OPTIONAL", "set")
                .containsEntry("AWS_LAMBDA_LOG_LEVEL", "WARN")
                .containsEntry("QUEUE_URL", "https://sqs.eu-west-3.amazonaws.com/210987654321/shop-OrdersQueue")
                .containsEntry("BUCKET", "shop-receipts");
        assertThat(prod.function("CreateOrderFunction").config().region()).isEqualTo("eu-west-3");
        assertThat(prod.functionNames()).containsExactly("CreateOrderFunction", "AuditFunction", "PlainFunction");
        assertThat(ORDERS.functionNames()).containsExactly("CreateOrderFunction", "PlainFunction");
    }

    @Test
    void eventsSnapStartAndWhatIsNotSimulatedAreReported() {
        TemplateFunction orders = ORDERS.function("CreateOrderFunction");

        assertThat(orders.events()).containsOnlyKeys("Create", "Work");
        assertThat(orders.events().get("Create").type()).isEqualTo("HttpApi");
        assertThat(orders.events().get("Create").properties()).containsEntry("Path", "/orders");
        assertThat(orders.events().get("Work").properties())
                .containsEntry("Queue", "arn:aws:sqs:us-east-1:123456789012:local-OrdersQueue")
                .containsEntry("BatchSize", "5");
        assertThat(orders.snapStart()).isTrue();
        assertThat(orders.skipped())
                .containsExactly(
                        "Layers: layers are not loaded; their classes must be on the test class path",
                        "VpcConfig: no network is simulated");
    }

    @Test
    void cloudFormationFunctionsKeepTheirOwnNameAndIgnoreGlobals() {
        FunctionConfig plain = ORDERS.function("PlainFunction").config();

        assertThat(plain.functionName()).isEqualTo("local-plain");
        assertThat(plain.runtime()).isEqualTo("java17");
        assertThat(plain.memoryMb()).isEqualTo(128);
        assertThat(plain.environment()).doesNotContainKey("STAGE");
    }

    @Test
    void cdkOutputInJsonIsATemplateToo() {
        TemplateFunction handler = load("cdk.template.json").function("Handler886CB40B");

        assertThat(handler.config().memoryMb()).isEqualTo(1024);
        assertThat(handler.config().environment())
                .containsEntry("BUCKET", "local-bucket83908e77")
                .containsEntry("BUCKET_ARN", "arn:aws:s3:::local-bucket83908e77");
        assertThat(handler.skipped()).isEmpty();
    }

    @Test
    void theFunctionRunsAsTheTemplateConfiguresIt() {
        try (LambdaFunction fn =
                LambdaFunction.create(ORDERS.function("CreateOrderFunction").config())) {
            InvocationResult<Object> result = fn.invoke("[\"TABLE_NAME\",\"AWS_LAMBDA_FUNCTION_MEMORY_SIZE\","
                    + "\"AWS_EXECUTION_ENV\",\"AWS_LAMBDA_LOG_FORMAT\"]");

            assertThat(result.payloadAsString())
                    .isEqualTo("{\"TABLE_NAME\":\"orders-dev\",\"AWS_LAMBDA_FUNCTION_MEMORY_SIZE\":\"512\","
                            + "\"AWS_EXECUTION_ENV\":\"AWS_Lambda_java21\",\"AWS_LAMBDA_LOG_FORMAT\":\"JSON\"}");
        }
    }

    @Test
    void jsonLogFormatTurnsEachLoggerCallIntoAJsonLine() {
        FunctionConfig config = ORDERS.function("CreateOrderFunction").config().toBuilder()
                .handler("dev.lambdakit.testhandlers.Handlers$ContextInfo::info")
                .build();
        try (LambdaFunction fn = LambdaFunction.create(config)) {
            InvocationResult<Object> result = fn.invoke("{}");

            assertThat(result.logLines())
                    .anySatisfy(line -> assertThat(line)
                            .matches("\\{\"timestamp\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\","
                                    + "\"message\":\"logged via context\",\"level\":\"UNDEFINED\","
                                    + "\"AWSRequestId\":\"" + result.requestId() + "\"}"))
                    .contains("printed to stdout");
        }
    }

    @Test
    void badInputSaysWhatAndWhere() {
        assertThatThrownBy(() -> load("orders.yaml").function("CreateOrderFunction"))
                .isInstanceOf(LambdaConfigurationException.class)
                .hasMessageContaining("parameter ApiKey has no Default")
                .hasMessageContaining("parameters = \"ApiKey=...\"");
        assertThatThrownBy(() -> ORDERS.withParameter("Stage", "qa").function("CreateOrderFunction"))
                .hasMessageContaining("parameter Stage is 'qa', not one of its AllowedValues [dev, prod]");
        assertThatThrownBy(() -> ORDERS.withParameter("Stag", "dev"))
                .hasMessageContaining("Parameter Stag is not declared")
                .hasMessageContaining("[Stage, Owners, ApiKey]");
        assertThatThrownBy(() -> ORDERS.function("CreateOrder"))
                .hasMessageContaining("has no function CreateOrder; its functions are "
                        + "[CreateOrderFunction, AuditFunction, PlainFunction]");
        assertThatThrownBy(() -> ORDERS.function("OrdersQueue")).hasMessageContaining("(it is a AWS::SQS::Queue)");
        assertThatThrownBy(() -> ORDERS.function("AuditFunction"))
                .hasMessageContaining(
                        "AuditFunction is not created with these parameters: its Condition IsProd is false");
    }

    @Test
    void templateMistakesAreNamedWithTheirPlace() {
        assertThatThrownBy(() -> SamTemplate.parse(
                        "Resources:\n  F:\n    Type: AWS::Lambda::Function\n"
                                + "    Properties:\n      Handler: !Reff X\n",
                        "t.yaml"))
                .hasMessageContaining("t.yaml line 5, column 16: unknown tag !Reff");
        assertThatThrownBy(() -> function("Handler: a.B\n      Runtime: python3.12"))
                .hasMessageContaining("Runtime is python3.12: LambdaKit runs Java functions");
        assertThatThrownBy(() -> function("Handler: a.B\n      Environment: {Variables: {A: !GetAtt Q.Nope}}"))
                .hasMessageContaining("Fn::GetAtt Q.Nope is not one LambdaKit knows for a AWS::SQS::Queue");
        assertThatThrownBy(() -> function("Handler: a.B\n      Environment: {Variables: {A: !Ref Missing}}"))
                .hasMessageContaining("Resources.F.Properties.Environment.Variables.A: Ref Missing names no "
                        + "parameter, resource or pseudo parameter");
        assertThatThrownBy(() -> function("Handler: a.B\n      Environment: {Variables: {A: !ImportValue x}}"))
                .hasMessageContaining("Fn::ImportValue cannot be resolved locally");
        assertThatThrownBy(() -> function("Handler: a.B\n      MemorySize: 64"))
                .hasMessageContaining("Resources.F.Properties: memoryMb must be between 128 and 10240 MB");
        assertThatThrownBy(() -> function("Runtime: java21"))
                .hasMessageContaining("has no Handler (or ImageConfig.Command for an image function)");
        assertThatThrownBy(() -> SamTemplate.parse("Resources: [\n", "broken.yaml"))
                .hasMessageContaining("broken.yaml is not valid YAML or JSON");
        assertThatThrownBy(() -> SamTemplate.parse("AWSTemplateFormatVersion: x\n", "empty.yaml"))
                .hasMessageContaining("empty.yaml has no Resources section");
    }

    @Test
    void snapStartAppliesToThePublishedVersionBehindAnAutoPublishAlias() {
        FunctionConfig published = function(
                        "Handler: a.B\n      AutoPublishAlias: live\n      SnapStart: {ApplyOn: PublishedVersions}")
                .config();
        FunctionConfig latest = ORDERS.function("CreateOrderFunction").config();

        assertThat(published.version()).isEqualTo("1");
        assertThat(published.snapStart()).isTrue();
        assertThat(latest.version()).isEqualTo("$LATEST");
        assertThat(latest.snapStart()).isFalse();
        assertThat(ORDERS.function("CreateOrderFunction").snapStart()).isTrue();
    }

    @Test
    void imageFunctionsTakeTheHandlerFromTheirCommand() {
        FunctionConfig config = function("PackageType: Image\n      ImageUri: repo/fn:1\n"
                        + "      ImageConfig: {Command: [\"pkg.Handler::handle\"]}")
                .config();

        assertThat(config.handler().className()).contains("pkg.Handler");
    }

    private static TemplateFunction function(String properties) {
        return SamTemplate.parse(
                        "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  F:\n    Type: AWS::Serverless::Function\n"
                                + "    Properties:\n      " + properties + "\n",
                        "t.yaml")
                .function("F");
    }

    @Test
    void parameterListsSplitOnCommas() {
        assertThat(ORDERS.withParameter("Owners", "x,y ,z")
                        .function("CreateOrderFunction")
                        .config()
                        .environment())
                .containsEntry("OWNERS", "x+y+z");
    }
}

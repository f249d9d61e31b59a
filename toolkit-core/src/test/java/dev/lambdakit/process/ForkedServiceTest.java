package dev.lambdakit.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.function.Execution;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.server.LambdaService;
import dev.lambdakit.testhandlers.Handlers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** LambdaClient, the local service, and the official runtime interface client in a forked JVM, end to end. */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the runtime interface client ships native code for Linux only")
class ForkedServiceTest {

    @Test
    void lambdaClientInvokesAForkedFunction() {
        try (LambdaService service = LambdaService.builder()
                        .function(
                                FunctionConfig.builder()
                                        .functionName("echo")
                                        .handler(Handlers.Echo.class)
                                        .execution(Execution.FORKED)
                                        .build(),
                                1)
                        .start();
                LambdaClient client = LambdaClient.builder()
                        .endpointOverride(service.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                                "ASIALAMBDAKITTEST000", "not-a-real-secret-0000000000000000000")))
                        .build()) {
            InvokeResponse first =
                    client.invoke(r -> r.functionName("echo").payload(SdkBytes.fromUtf8String("{\"a\":1}")));
            InvokeResponse second =
                    client.invoke(r -> r.functionName("echo").payload(SdkBytes.fromUtf8String("{\"b\":2}")));

            assertThat(first.payload().asUtf8String()).isEqualTo("{\"a\":1}");
            assertThat(second.payload().asUtf8String()).isEqualTo("{\"b\":2}");
            assertThat(service.function("echo").environments()).isEqualTo(1);
        }
    }
}

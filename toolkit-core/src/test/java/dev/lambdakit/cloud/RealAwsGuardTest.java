package dev.lambdakit.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaError;
import dev.lambdakit.runtime.LambdaFunction;
import dev.lambdakit.testhandlers.CloudHandlers;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.InterceptorContext;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class RealAwsGuardTest {

    @Test
    @DisplayName("a client built in the test and one built inside a handler are both stopped before sending")
    void realEndpointsAreRefused() {
        try (S3Client s3 = S3Client.builder()
                .region(Region.EU_WEST_1)
                .credentialsProvider(EmbeddedBackendTest.FAKE)
                .build()) {
            assertThatThrownBy(s3::listBuckets)
                    .isInstanceOf(RealAwsGuard.RealAwsAccessException.class)
                    .hasMessageStartingWith("LambdaKit stopped a request to real AWS: S3.ListBuckets to "
                            + "https://s3.eu-west-1.amazonaws.com.");
        }
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(CloudHandlers.RealS3.class.getName() + "::handle")
                .timeout(Duration.ofSeconds(20))
                .build())) {
            InvocationResult<Object> result = fn.invoke("{}");

            LambdaError error = result.error().orElseThrow();
            assertThat(error.errorMessage()).contains("LambdaKit stopped a request to real AWS: S3.ListBuckets");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "s3.us-east-1.amazonaws.com",
                "sqs.cn-north-1.amazonaws.com.cn",
                "lambda.us-east-1.api.aws",
                "abc.lambda-url.us-east-1.on.aws",
                "sts.amazonaws.com",
                "s3.us-east-1.amazonaws.com.",
                "S3.EU-WEST-1.AMAZONAWS.COM",
                "s3.eusc-de-east-1.amazonaws.eu",
                "169.254.169.254",
                "10.0.0.5",
                "52.216.8.1",
                "[2001:db8::1]",
                "s3.us-iso-east-1.c2s.ic.gov",
                "s3.cn-north-1.amazonaws.com.cn."
            })
    void awsHostsAreRecognised(String host) {
        assertThat(RealAwsGuard.isRealAws(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.0.0.53",
                "localhost",
                "localstack",
                "amazonaws.com.example.org",
                "[::1]",
                "::1",
                "notamazonaws.com",
                ""
            })
    void otherHostsPass(String host) {
        assertThat(RealAwsGuard.isRealAws(host)).isFalse();
    }

    @Test
    @DisplayName("by default only LambdaKit's functions and annotated tests are guarded; 'global' guards every test")
    void scope() throws Exception {
        RealAwsGuard guard = new RealAwsGuard();
        String mode = System.getProperty(RealAwsGuard.MODE_SETTING); // the build sets 'global' for its own tests
        System.setProperty(RealAwsGuard.MODE_SETTING, "toolkit");
        try {
            assertThatCode(() -> guard.beforeTransmission(realRequest(), attributes()))
                    .doesNotThrowAnyException();
            try (AutoCloseable test = RealAwsGuard.enterTest(false)) {
                assertThatThrownBy(() -> guard.beforeTransmission(realRequest(), attributes()))
                        .isInstanceOf(RealAwsGuard.RealAwsAccessException.class);
                try (AutoCloseable allowed = RealAwsGuard.enterTest(true)) {
                    assertThatCode(() -> guard.beforeTransmission(realRequest(), attributes()))
                            .doesNotThrowAnyException();
                }
                assertThatThrownBy(() -> guard.beforeTransmission(realRequest(), attributes()))
                        .isInstanceOf(RealAwsGuard.RealAwsAccessException.class);
                // while a LambdaKit test runs, a thread that belongs to no test (a pool's) is guarded as well
                var fromPool = java.util.concurrent.CompletableFuture.supplyAsync(
                                () -> {
                                    try {
                                        guard.beforeTransmission(realRequest(), attributes());
                                        return "sent";
                                    } catch (RealAwsGuard.RealAwsAccessException e) {
                                        return "stopped";
                                    }
                                },
                                command -> new Thread(null, command, "pool-like", 0, false).start())
                        .get();
                assertThat(fromPool).isEqualTo("stopped");
            }
            try (LambdaFunction fn = LambdaFunction.create(
                            FunctionConfig.builder().handler("x.Y").build());
                    var binding = fn.bindEnvironment()) {
                assertThatThrownBy(() -> guard.beforeTransmission(realRequest(), attributes()))
                        .isInstanceOf(RealAwsGuard.RealAwsAccessException.class);
            }
            System.setProperty(RealAwsGuard.MODE_SETTING, "global");
            assertThatThrownBy(() -> guard.beforeTransmission(realRequest(), attributes()))
                    .isInstanceOf(RealAwsGuard.RealAwsAccessException.class);
        } finally {
            if (mode == null) {
                System.clearProperty(RealAwsGuard.MODE_SETTING);
            } else {
                System.setProperty(RealAwsGuard.MODE_SETTING, mode);
            }
        }
    }

    private static InterceptorContext realRequest() {
        return InterceptorContext.builder()
                .request(software.amazon.awssdk.services.s3.model.ListBucketsRequest.builder()
                        .build())
                .httpRequest(SdkHttpRequest.builder()
                        .protocol("https")
                        .host("s3.us-east-1.amazonaws.com")
                        .method(SdkHttpMethod.GET)
                        .build())
                .build();
    }

    private static ExecutionAttributes attributes() {
        ExecutionAttributes attributes = new ExecutionAttributes();
        attributes.putAttribute(SdkExecutionAttribute.SERVICE_NAME, "S3");
        attributes.putAttribute(SdkExecutionAttribute.OPERATION_NAME, "ListBuckets");
        return attributes;
    }

    @Test
    @DisplayName("the opt-in lets a run through (checked on the interceptor itself: no request leaves)")
    void optIn() {
        InterceptorContext context = realRequest();
        ExecutionAttributes attributes = attributes();
        RealAwsGuard guard = new RealAwsGuard();

        assertThatThrownBy(() -> guard.beforeTransmission(context, attributes))
                .isInstanceOf(RealAwsGuard.RealAwsAccessException.class);
        System.setProperty(RealAwsGuard.OPT_IN_PROPERTY, "true");
        try {
            assertThatCode(() -> guard.beforeTransmission(context, attributes)).doesNotThrowAnyException();
        } finally {
            System.clearProperty(RealAwsGuard.OPT_IN_PROPERTY);
        }
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                        .handler("x.Y")
                        .env(RealAwsGuard.OPT_IN_VARIABLE, "true")
                        .build());
                var binding = fn.bindEnvironment()) {
            assertThatCode(() -> guard.beforeTransmission(context, attributes)).doesNotThrowAnyException();
        }
    }
}

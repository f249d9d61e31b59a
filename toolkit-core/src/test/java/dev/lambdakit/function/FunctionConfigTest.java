package dev.lambdakit.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FunctionConfigTest {

    private static FunctionConfig.Builder valid() {
        return FunctionConfig.builder().handler("pkg.Handler");
    }

    private static void rejects(UnaryOperator<FunctionConfig.Builder> change, String field, String message) {
        assertThatThrownBy(() -> change.apply(valid()).build())
                .isInstanceOf(LambdaConfigurationException.class)
                .hasMessageContaining(message)
                .satisfies(e ->
                        assertThat(((LambdaConfigurationException) e).field()).isEqualTo(field));
    }

    @Test
    @DisplayName("defaults are Lambda's: 128 MB, 3 s, us-east-1, x86_64, $LATEST")
    void defaults() {
        FunctionConfig config = valid().build();

        assertThat(config.memoryMb()).isEqualTo(128);
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.initTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.architecture()).isEqualTo(Architecture.X86_64);
        assertThat(config.version()).isEqualTo("$LATEST");
        assertThat(config.functionName()).isEqualTo("Handler");
        assertThat(config.runtime()).isIn(FunctionConfig.JAVA_RUNTIMES);
        assertThat(config.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:Handler");
    }

    @Test
    void memoryOutsideTheRangeIsRefused() {
        rejects(b -> b.memoryMb(127), "memoryMb", "memoryMb must be between 128 and 10240 MB, but was 127 MB");
        rejects(b -> b.memoryMb(10241), "memoryMb", "but was 10241 MB");
        assertThat(valid().memoryMb(10240).build().memoryMb()).isEqualTo(10240);
    }

    @Test
    void timeoutMustBeWholeSecondsFromOneTo900() {
        rejects(b -> b.timeout(Duration.ZERO), "timeout", "timeout must be between 1 and 900 seconds, but was 0 s");
        rejects(b -> b.timeout(Duration.ofSeconds(901)), "timeout", "but was 901 s");
        rejects(b -> b.timeout(Duration.ofMillis(1500)), "timeout", "whole number of seconds");
        assertThat(valid().timeout(Duration.ofMinutes(15)).build().timeout()).hasSeconds(900);
    }

    @ParameterizedTest
    @ValueSource(strings = {"useast1", "US-EAST-1", "us-east", "moon-base-1a", ""})
    void invalidRegionsAreRefused(String region) {
        rejects(b -> b.region(region), "region", "region must be an AWS region name such as 'us-east-1'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-west-3", "ap-southeast-2", "us-gov-west-1", "cn-north-1"})
    void realRegionsAreAccepted(String region) {
        assertThat(valid().region(region).build().region()).isEqualTo(region);
    }

    @Test
    void functionNameRunAndVersionAreChecked() {
        rejects(b -> b.functionName("has space"), "functionName", "1 to 64 letters, digits, hyphens or underscores");
        rejects(b -> b.functionName("x".repeat(65)), "functionName", "but was");
        rejects(
                b -> b.runtime("java7"),
                "runtime",
                "runtime must be one of [java11, java17, java21, java25, " + "java8.al2], but was 'java7'");
        rejects(b -> b.version("v1"), "version", "version must be $LATEST or a positive number");
        rejects(b -> b.accountId("12345"), "accountId", "accountId must be 12 digits");
    }

    @Test
    void reservedEnvironmentNamesAreRefused() {
        rejects(
                b -> b.env("AWS_REGION", "eu-west-1"),
                "environment",
                "environment variable AWS_REGION is reserved by Lambda and cannot be set");
        rejects(b -> b.env("AWS_SECRET_ACCESS_KEY", "x"), "environment", "reserved names are [");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1ABC", "A", "WITH-DASH", "WITH SPACE", "_LEADING"})
    void malformedEnvironmentNamesAreRefused(String name) {
        rejects(b -> b.env(name, "v"), "environment", "environment variable name '" + name + "' is invalid");
    }

    @Test
    @DisplayName("a handler made by the test can run neither forked nor isolated, and the error says why")
    void factoriesOnlyInProcess() {
        HandlerReference made = HandlerReference.ofInstance(Object::new);
        rejects(b -> b.handler(made).execution(Execution.FORKED), "execution", "cannot receive an instance");
        rejects(
                b -> b.handler(made).execution(Execution.IN_PROCESS_ISOLATED),
                "execution",
                "which a handler instance made by the test cannot follow");
        assertThat(valid().handler(made).build().execution()).isEqualTo(Execution.IN_PROCESS);
        assertThat(Execution.IN_PROCESS_ISOLATED.isForked()).isFalse();
    }

    @Test
    void environmentOverFourKilobytesIsRefused() {
        rejects(b -> b.env("BIG", "x".repeat(4090)), "environment", "exceeded the 4KB limit");
        assertThat(valid().env("BIG", "x".repeat(4000)).build().environment()).containsKey("BIG");
    }

    @Test
    void nullsAndMissingHandlerAreRefused() {
        assertThatThrownBy(() -> FunctionConfig.builder().build())
                .isInstanceOf(LambdaConfigurationException.class)
                .hasMessageContaining("handler is required");
        assertThatThrownBy(() -> valid().env("K", null))
                .hasMessageContaining("environment variable names and values must not be null");
        assertThatThrownBy(() -> FunctionConfig.builder().handler(" "))
                .hasMessageContaining("handler must not be blank");
        assertThatThrownBy(() -> FunctionConfig.builder().handler("a".repeat(129)))
                .hasMessageContaining("at most 128 characters");
    }

    @Test
    void toBuilderDerivesAChangedCopy() {
        FunctionConfig base = valid().memoryMb(512).env("AA", "1").build();
        FunctionConfig changed = base.toBuilder().env("BB", "2").build();

        assertThat(changed.memoryMb()).isEqualTo(512);
        assertThat(changed.environment()).containsEntry("AA", "1").containsEntry("BB", "2");
        assertThat(base.environment()).doesNotContainKey("BB");
    }
}

package dev.lambdakit.junit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A project's own assertions, built on LambdaKit's as on AssertJ's: every inherited step keeps the project's type. */
class CustomAssertTests {

    /** What a project would write: one domain assertion on top of the inherited ones. */
    static final class GreetingResultAssert extends AbstractInvocationResultAssert<GreetingResultAssert> {
        GreetingResultAssert(InvocationResult<?> actual) {
            super(actual, GreetingResultAssert.class);
        }

        static GreetingResultAssert assertThat(InvocationResult<?> actual) {
            return new GreetingResultAssert(actual);
        }

        GreetingResultAssert greets(String name) {
            succeeded();
            if (!actual.payloadAsString().contains("Hello, " + name)) {
                failWithMessage(
                        "%nExpecting a greeting of %s, but the payload was:%n  %s", name, actual.payloadAsString());
            }
            return myself;
        }
    }

    @Test
    void chainsKeepTheProjectsType() {
        try (LambdaFunction fn = LambdaFunction.create(
                FunctionConfig.builder().handler(Greeter.class).build())) {
            GreetingResultAssert.assertThat(fn.invoke(Map.of("name", "Ada")))
                    .succeeded()
                    .wasColdStart()
                    .greets("Ada");
            assertThatThrownBy(() -> GreetingResultAssert.assertThat(fn.invoke(Map.of("name", "Bob")))
                            .wasWarmStart()
                            .greets("Ada"))
                    .hasMessageContaining("Expecting a greeting of Ada");
        }
    }
}

package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lambdakit.runtime.InvocationResult;
import org.apiguardian.api.API;
import org.assertj.core.api.Assertions;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * AssertJ entry point for LambdaKit's results; everything else falls through to AssertJ's own
 * {@link Assertions#assertThat}, so one static import serves a whole test.
 *
 * <pre>{@code
 * import static dev.lambdakit.junit.LambdaAssertions.assertThat;
 *
 * assertThat(fn.invoke(event)).succeeded().hasStatusCode(201);
 * assertThat(fn.invoke("{}")).failed().hasErrorType("java.lang.IllegalArgumentException");
 * }</pre>
 */
@CheckReturnValue
@API(status = STABLE, since = "0.1")
public class LambdaAssertions extends Assertions {

    protected LambdaAssertions() {
    }

    /** Assertions on an invocation's outcome, report and log. */
    public static InvocationResultAssert assertThat(InvocationResult<?> actual) {
        return new InvocationResultAssert(actual);
    }
}

package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.events.HttpResponse;
import dev.lambdakit.runtime.InvocationResult;
import org.apiguardian.api.API;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.Assertions;

/**
 * AssertJ entry point for LambdaKit's results; everything else falls through to AssertJ's own
 * {@link Assertions#assertThat}, so one static import serves a whole test. Responses typed with
 * aws-lambda-java-events classes have their own entry point, {@link ResponseAssertions}, so that this one compiles
 * with any events version (2.x lacks several of those classes).
 *
 * <pre>{@code
 * import static dev.lambdakit.junit.LambdaAssertions.assertThat;
 *
 * assertThat(fn.invoke(event)).succeeded().hasStatusCode(201);
 * assertThat(fn.invoke("{}")).failed().hasErrorType("java.lang.IllegalArgumentException");
 * assertThat(fn.invoke(sqsEvent)).batchResponse().reportsFailed("m-2");
 * }</pre>
 */
@CheckReturnValue
@API(status = EXPERIMENTAL, since = "0.1")
public class LambdaAssertions extends Assertions {

    protected LambdaAssertions() {}

    /** Assertions on an invocation's outcome, report and log. */
    public static InvocationResultAssert assertThat(InvocationResult<?> actual) {
        return new InvocationResultAssert(actual);
    }

    /** Assertions on an HTTP response read from any API Gateway, function URL or ALB response. */
    public static HttpResponseAssert assertThat(HttpResponse actual) {
        return new HttpResponseAssert(actual);
    }
}

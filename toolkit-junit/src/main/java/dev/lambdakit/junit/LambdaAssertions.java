package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.STABLE;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.lambdakit.events.BatchFailures;
import dev.lambdakit.events.HttpResponse;
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
 * assertThat(fn.invoke(sqsEvent)).batchResponse().reportsFailed("m-2");
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

    /** Assertions on an API Gateway REST proxy response. */
    public static HttpResponseAssert assertThat(APIGatewayProxyResponseEvent actual) {
        return new HttpResponseAssert(actual == null ? null : HttpResponse.of(actual));
    }

    /** Assertions on an HTTP API or function URL response. */
    public static HttpResponseAssert assertThat(APIGatewayV2HTTPResponse actual) {
        return new HttpResponseAssert(actual == null ? null : HttpResponse.of(actual));
    }

    /** Assertions on an ALB response. */
    public static HttpResponseAssert assertThat(ApplicationLoadBalancerResponseEvent actual) {
        return new HttpResponseAssert(actual == null ? null : HttpResponse.of(actual));
    }

    public static HttpResponseAssert assertThat(HttpResponse actual) {
        return new HttpResponseAssert(actual);
    }

    /** Assertions on an SQS partial batch response. */
    public static BatchResponseAssert assertThat(SQSBatchResponse actual) {
        return new BatchResponseAssert(actual == null ? null : BatchFailures.of(actual));
    }

    /** Assertions on a Kinesis or DynamoDB Streams partial batch response. */
    public static BatchResponseAssert assertThat(StreamsEventResponse actual) {
        return new BatchResponseAssert(actual == null ? null : BatchFailures.of(actual));
    }
}

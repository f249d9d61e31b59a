package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.lambdakit.events.BatchFailures;
import dev.lambdakit.events.HttpResponse;
import org.apiguardian.api.API;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * AssertJ entry point for the response classes of aws-lambda-java-events 3.x (API Gateway, HTTP API, ALB, and partial
 * batch responses). It is separate from {@link LambdaAssertions} because Java resolves every overload of a name
 * against its parameter types: these classes would stop {@code LambdaAssertions.assertThat} compiling in builds on
 * events 2.x. Both can be imported statically together.
 *
 * <pre>{@code
 * import static dev.lambdakit.junit.ResponseAssertions.assertThat;
 *
 * APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);
 * assertThat(response).hasStatusCode(201).hasHeader("content-type", "application/json");
 * }</pre>
 */
@CheckReturnValue
@API(status = EXPERIMENTAL, since = "0.1")
public final class ResponseAssertions {

    private ResponseAssertions() {}

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

    /** Assertions on an SQS partial batch response. */
    public static BatchResponseAssert assertThat(SQSBatchResponse actual) {
        return new BatchResponseAssert(actual == null ? null : BatchFailures.of(actual));
    }

    /** Assertions on a Kinesis or DynamoDB Streams partial batch response. */
    public static BatchResponseAssert assertThat(StreamsEventResponse actual) {
        return new BatchResponseAssert(actual == null ? null : BatchFailures.of(actual));
    }
}

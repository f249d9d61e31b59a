package dev.lambdakit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponsesTest {

    @Test
    void restResponse() {
        APIGatewayProxyResponseEvent r = new APIGatewayProxyResponseEvent()
                .withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withMultiValueHeaders(Map.of("Set-Cookie", List.of("a=1", "b=2")))
                .withBody("{\"id\":7}");

        HttpResponse response = HttpResponse.of(r);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.header("content-type")).contains("application/json");
        assertThat(response.cookies()).containsExactly("a=1", "b=2");
        Map<?, ?> body = response.jsonBody(Map.class);
        assertThat(body.get("id")).isEqualTo(7);
    }

    @Test
    void httpApiResponseWithBase64Body() {
        APIGatewayV2HTTPResponse r = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withCookies(List.of("s=1"))
                .withBody("aGk=")
                .withIsBase64Encoded(true)
                .build();

        HttpResponse response = HttpResponse.of(r);
        assertThat(response.isBase64Encoded()).isTrue();
        assertThat(response.bodyText()).isEqualTo("hi");
        assertThat(response.cookies()).containsExactly("s=1");
    }

    @Test
    void albResponseAndJson() {
        ApplicationLoadBalancerResponseEvent r = new ApplicationLoadBalancerResponseEvent();
        r.setStatusCode(404);
        r.setStatusDescription("404 Not Found");
        r.setHeaders(Map.of("X-A", "1"));
        r.setBody("nope");

        assertThat(HttpResponse.of(r).statusCode()).isEqualTo(404);
        assertThat(HttpResponse.of(r).header("x-a")).contains("1");
        assertThat(HttpResponse.of("{\"statusCode\":500,\"body\":\"x\"}").body())
                .isEqualTo("x");
        assertThatThrownBy(() -> HttpResponse.of("{\"body\":\"x\"}"))
                .hasMessageStartingWith("Not an HTTP response (no numeric statusCode)");
    }

    @Test
    void batchFailures() {
        SQSBatchResponse sqs = SQSBatchResponse.builder()
                .withBatchItemFailures(List.of(
                        new SQSBatchResponse.BatchItemFailure("m-2"), new SQSBatchResponse.BatchItemFailure("m-5")))
                .build();
        StreamsEventResponse streams = StreamsEventResponse.builder()
                .withBatchItemFailures(List.of(StreamsEventResponse.BatchItemFailure.builder()
                        .withItemIdentifier("seq-9")
                        .build()))
                .build();

        assertThat(BatchFailures.of(sqs)).containsExactly("m-2", "m-5");
        assertThat(BatchFailures.of(streams)).containsExactly("seq-9");
        assertThat(BatchFailures.of("{\"batchItemFailures\":[]}")).isEmpty();
        assertThatThrownBy(() -> BatchFailures.of("{}")).hasMessageStartingWith("Not a partial batch response");
    }
}

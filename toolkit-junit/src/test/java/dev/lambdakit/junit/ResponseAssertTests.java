package dev.lambdakit.junit;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;
import static dev.lambdakit.junit.ResponseAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseAssertTests {

    @Test
    void httpResponses() {
        APIGatewayProxyResponseEvent rest = new APIGatewayProxyResponseEvent()
                .withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody("{\"id\": 7}");
        assertThat(rest)
                .hasStatusCode(201)
                .hasHeader("content-type", "application/json")
                .hasJsonBody("{\"id\":7}")
                .jsonBody(Map.class)
                .extracting("id")
                .isEqualTo(7);

        APIGatewayV2HTTPResponse v2 = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withBody("AAEC")
                .withIsBase64Encoded(true)
                .withCookies(List.of("s=1"))
                .build();
        assertThat(v2).hasBase64Body(new byte[] {0, 1, 2}).hasCookie("s=1");

        ApplicationLoadBalancerResponseEvent alb = new ApplicationLoadBalancerResponseEvent();
        alb.setStatusCode(302);
        alb.setMultiValueHeaders(Map.of("Location", List.of("/next")));
        assertThat(alb).hasStatusCode(302).hasHeader("location", "/next");
    }

    @Test
    void httpFailureMessagesShowTheBody() {
        APIGatewayProxyResponseEvent rest =
                new APIGatewayProxyResponseEvent().withStatusCode(400).withBody("{\"error\":\"sku\"}");

        assertThatThrownBy(() -> assertThat(rest).hasStatusCode(201))
                .hasMessageContaining("Expecting status code 201 but was 400; body:")
                .hasMessageContaining("{\"error\":\"sku\"}");
        assertThatThrownBy(() -> assertThat(rest).hasHeader("X-A", "1"))
                .hasMessageContaining("Expecting header X-A: 1");
        assertThatThrownBy(() -> assertThat(rest).hasBase64Body(new byte[0]))
                .hasMessageContaining("Expecting a Base64-encoded body");
    }

    @Test
    void batchResponses() {
        SQSBatchResponse sqs = new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("m-2")));
        assertThat(sqs).reportsFailed("m-2");
        assertThat(new StreamsEventResponse(List.of())).reportsNoFailures();
        assertThatThrownBy(() -> assertThat(sqs).reportsFailed("m-1", "m-2"))
                .hasMessageContaining("to report exactly these failures:")
                .hasMessageContaining("[m-1, m-2]");
        assertThatThrownBy(() -> assertThat(sqs).reportsNoFailures()).hasMessageContaining("[m-2]");
        SQSBatchResponse two = new SQSBatchResponse(
                List.of(new SQSBatchResponse.BatchItemFailure("m-1"), new SQSBatchResponse.BatchItemFailure("m-2")));
        assertThat(two).reportsFailed("m-2", "m-1");
        // the same size and every expected id present is not enough: each id as often as given
        assertThatThrownBy(() -> assertThat(two).reportsFailed("m-1", "m-1")).hasMessageContaining("[m-1, m-1]");
    }
}

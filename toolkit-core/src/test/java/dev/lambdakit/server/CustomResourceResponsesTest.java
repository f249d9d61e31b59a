package dev.lambdakit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The stand-in for a custom resource's pre-signed response URL: what it keeps and what it objects to. */
class CustomResourceResponsesTest {

    private static HttpResponse<String> send(String method, URI url, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(url)
                                .method(method, HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("a complete SUCCESS document is kept with its data and no problems")
    void success() throws Exception {
        try (CustomResourceResponses responses = CustomResourceResponses.start()) {
            HttpResponse<String> put = send(
                    "PUT",
                    responses.url(),
                    "{\"Status\":\"SUCCESS\",\"PhysicalResourceId\":\"p-1\",\"StackId\":\"s\",\"RequestId\":\"r\","
                            + "\"LogicalResourceId\":\"L\",\"Data\":{\"Name\":\"n\",\"Empty\":null}}");

            assertThat(put.statusCode()).isEqualTo(200);
            assertThat(put.body()).isEmpty();
            CustomResourceResponses.Response answer = responses.only();
            assertThat(answer.problems()).isEmpty();
            assertThat(answer.physicalResourceId()).isEqualTo("p-1");
            assertThat(answer.data()).containsEntry("Name", "n").containsEntry("Empty", null);
        }
    }

    @Test
    @DisplayName("what CloudFormation would refuse is listed: missing fields, a FAILED without reason, a bad status")
    void problems() throws Exception {
        try (CustomResourceResponses responses = CustomResourceResponses.start()) {
            send("PUT", responses.url(), "{\"Status\":\"FAILED\",\"StackId\":\"s\"}");
            send(
                    "PUT",
                    responses.url(),
                    "{\"Status\":\"DONE\",\"PhysicalResourceId\":\"p\",\"StackId\":\"s\","
                            + "\"RequestId\":\"r\",\"LogicalResourceId\":\"L\"}");
            send("PUT", responses.url(), "not json");

            assertThat(responses.all()).hasSize(3);
            assertThat(responses.all().get(0).problems())
                    .containsExactly(
                            "PhysicalResourceId is missing or empty",
                            "RequestId is missing or empty",
                            "LogicalResourceId is missing or empty",
                            "a FAILED response needs a Reason");
            assertThat(responses.all().get(1).problems())
                    .containsExactly("Status must be SUCCESS or FAILED, but was DONE");
            assertThat(responses.all().get(2).problems()).first().asString().startsWith("the response is not a JSON");
            assertThatThrownBy(responses::only)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith(
                            "Expected the function to PUT exactly one response to its ResponseURL, but " + "3 arrived");
        }
    }

    @Test
    @DisplayName("no answer at all is reported as CloudFormation would feel it; a POST is refused as S3 refuses it")
    void noAnswer() throws Exception {
        try (CustomResourceResponses responses = CustomResourceResponses.start()) {
            assertThat(send("POST", responses.url(), "{}").statusCode()).isEqualTo(403);
            assertThatThrownBy(responses::only)
                    .hasMessageContaining("0 arrived: CloudFormation would wait for it until the request times out");
        }
    }
}

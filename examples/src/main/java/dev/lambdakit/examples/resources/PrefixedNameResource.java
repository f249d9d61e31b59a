package dev.lambdakit.examples.resources;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A CloudFormation custom resource: names a resource {@code <Prefix>-<logical id>} and hands the name back for
 * {@code Fn::GetAtt}. It answers every request on the pre-signed {@code ResponseURL}, FAILED with a reason when the
 * template is wrong, so a stack never waits an hour for it.
 */
public class PrefixedNameResource implements RequestHandler<CloudFormationCustomResourceEvent, Void> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Void handleRequest(CloudFormationCustomResourceEvent event, Context context) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("StackId", event.getStackId());
        answer.put("RequestId", event.getRequestId());
        answer.put("LogicalResourceId", event.getLogicalResourceId());
        try {
            String name = event.getPhysicalResourceId();
            if (!"Delete".equals(event.getRequestType())) {
                Object prefix = event.getResourceProperties().get("Prefix");
                if (!(prefix instanceof String p) || p.isBlank()) {
                    throw new IllegalArgumentException("the Prefix property is required");
                }
                name = p + "-" + event.getLogicalResourceId().toLowerCase(Locale.ROOT);
                answer.put("Data", Map.of("Name", name));
            }
            answer.put("Status", "SUCCESS");
            answer.put("PhysicalResourceId", name);
        } catch (RuntimeException e) {
            answer.put("Status", "FAILED");
            answer.put("Reason", e.getMessage() + " (log stream " + context.getLogStreamName() + ")");
            String id = event.getPhysicalResourceId();
            answer.put("PhysicalResourceId", id != null ? id : context.getLogStreamName());
        }
        put(URI.create(event.getResponseUrl()), answer);
        return null;
    }

    private void put(URI url, Map<String, Object> answer) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(url)
                            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(answer)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the response URL refused the answer: " + response.statusCode());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.lambdakit.server;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lambdakit.events.EventJson;
import dev.lambdakit.server.internal.HttpServers;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * Stands in for the pre-signed S3 URL a CloudFormation custom resource answers on: an HTTP endpoint on 127.0.0.1
 * that takes the function's {@code PUT}, answers as S3 does (200, empty body), and keeps each response document with
 * what CloudFormation would object to in it (a missing field, a status other than {@code SUCCESS} or
 * {@code FAILED}, a {@code FAILED} without a reason, a document over 4096 bytes).
 *
 * <pre>{@code
 * try (CustomResourceResponses responses = CustomResourceResponses.start()) {
 *     fn.invoke(CloudFormationEvents.customResource("Custom::Database").responseUrl(responses.url()).build());
 *     CustomResourceResponses.Response answer = responses.only();
 *     assertThat(answer.status()).isEqualTo("SUCCESS");
 *     assertThat(answer.problems()).isEmpty();
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CustomResourceResponses implements AutoCloseable {

    /** CloudFormation's limit on a response document. */
    public static final int MAX_RESPONSE_BYTES = 4096;

    private static final List<String> REQUIRED =
            List.of("Status", "PhysicalResourceId", "StackId", "RequestId", "LogicalResourceId");

    private final HttpServer server;
    private final List<Response> responses = new CopyOnWriteArrayList<>();
    private final AtomicInteger urls = new AtomicInteger();

    private CustomResourceResponses() {
        this.server = HttpServers.start("lambdakit-cfn-responses", 0, this::handle);
    }

    /** Starts the endpoint on a free port of 127.0.0.1. */
    public static CustomResourceResponses start() {
        return new CustomResourceResponses();
    }

    /** A URL to pass as the request's {@code ResponseURL}; each call gives a new path, as each request has its own. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cloudformation-response/"
                + urls.incrementAndGet() + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-SignedHeaders=host");
    }

    /** Every response received so far, in order. */
    public List<Response> all() {
        return List.copyOf(responses);
    }

    /**
     * The one response received.
     *
     * @throws AssertionError when none or several arrived: a custom resource answers each request exactly once, and
     *                        CloudFormation waits (up to an hour) for one that never comes
     */
    public Response only() {
        List<Response> all = all();
        if (all.size() != 1) {
            throw new AssertionError("Expected the function to PUT exactly one response to its ResponseURL, but "
                    + all.size() + " arrived"
                    + (all.isEmpty() ? ": CloudFormation would wait for it until the request times out" : ": " + all));
        }
        return all.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!"PUT".equals(exchange.getRequestMethod())) {
            HttpServers.send(
                    exchange,
                    403,
                    Map.of("Content-Type", "application/xml"),
                    HttpServers.utf8("<Error><Code>SignatureDoesNotMatch</Code><Message>The URL was pre-signed for "
                            + "PUT, not " + exchange.getRequestMethod() + "</Message></Error>"));
            return;
        }
        responses.add(Response.parse(exchange.getRequestURI().getPath(), body));
        HttpServers.send(exchange, 200, Map.of(), new byte[0]);
    }

    @Override
    public void close() {
        HttpServers.stop(server);
    }

    /**
     * One response document as the function sent it.
     *
     * @param path               the path it was PUT to, telling requests apart
     * @param status             {@code SUCCESS} or {@code FAILED} (or whatever was sent)
     * @param reason             the reason, required with {@code FAILED}
     * @param physicalResourceId the resource's id; CloudFormation replaces the resource when it changes on update
     * @param stackId            echoed from the request
     * @param requestId          echoed from the request
     * @param logicalResourceId  echoed from the request
     * @param noEcho             whether {@code Data} is to be masked
     * @param data               the values {@code Fn::GetAtt} reads; empty when none were sent
     * @param body               the document as sent
     * @param problems           what CloudFormation would refuse in it; empty when nothing
     */
    public record Response(
            String path,
            String status,
            String reason,
            String physicalResourceId,
            String stackId,
            String requestId,
            String logicalResourceId,
            boolean noEcho,
            Map<String, Object> data,
            String body,
            List<String> problems) {

        @SuppressWarnings("unchecked")
        static Response parse(String path, byte[] bytes) {
            String body = new String(bytes, StandardCharsets.UTF_8);
            List<String> problems = new ArrayList<>();
            Map<String, Object> tree;
            try {
                Object parsed = EventJson.toTree(body);
                if (!(parsed instanceof Map<?, ?>)) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                tree = (Map<String, Object>) parsed;
            } catch (RuntimeException e) {
                problems.add("the response is not a JSON object: " + e.getMessage());
                tree = Map.of();
            }
            for (String field : REQUIRED) {
                if (!(tree.get(field) instanceof String s) || s.isEmpty()) {
                    problems.add(field + " is missing or empty");
                }
            }
            Object status = tree.get("Status");
            if (status != null && !Set.of("SUCCESS", "FAILED").contains(status)) {
                problems.add("Status must be SUCCESS or FAILED, but was " + status);
            }
            if ("FAILED".equals(status) && !(tree.get("Reason") instanceof String)) {
                problems.add("a FAILED response needs a Reason");
            }
            if (bytes.length > MAX_RESPONSE_BYTES) {
                problems.add("the response is " + bytes.length + " bytes; CloudFormation takes at most "
                        + MAX_RESPONSE_BYTES);
            }
            Object data = tree.get("Data");
            return new Response(
                    path,
                    (String) text(tree.get("Status")),
                    (String) text(tree.get("Reason")),
                    (String) text(tree.get("PhysicalResourceId")),
                    (String) text(tree.get("StackId")),
                    (String) text(tree.get("RequestId")),
                    (String) text(tree.get("LogicalResourceId")),
                    Boolean.TRUE.equals(tree.get("NoEcho")) || "true".equals(tree.get("NoEcho")),
                    data instanceof Map<?, ?> m
                            ? Collections.unmodifiableMap(new LinkedHashMap<>((Map<String, Object>) m))
                            : Map.of(),
                    body,
                    List.copyOf(problems));
        }

        private static Object text(Object value) {
            return value == null ? null : String.valueOf(value);
        }
    }
}

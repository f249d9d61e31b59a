package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.events.HttpResponse;
import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.ObjectAssert;

/**
 * Assertions on an HTTP-style response (API Gateway REST or HTTP API, function URL, ALB), read through
 * {@link HttpResponse}: status, headers, cookies, text, JSON or Base64 bodies.
 *
 * <pre>{@code
 * assertThat(response).hasStatusCode(201).hasHeader("Content-Type", "application/json")
 *         .hasJsonBody("{\"orderId\":\"o-1\"}");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class HttpResponseAssert extends AbstractAssert<HttpResponseAssert, HttpResponse> {

    public HttpResponseAssert(HttpResponse actual) {
        super(actual, HttpResponseAssert.class);
    }

    public HttpResponseAssert hasStatusCode(int expected) {
        isNotNull();
        if (actual.statusCode() != expected) {
            throw failureWithActualExpected(
                    actual.statusCode(),
                    expected,
                    "%nExpecting status code %s but was %s; body:%n  %s",
                    expected,
                    actual.statusCode(),
                    actual.body());
        }
        return this;
    }

    /** The header (any case) has this value among its values. */
    public HttpResponseAssert hasHeader(String name, String value) {
        isNotNull();
        if (!actual.headers().getOrDefault(name, java.util.List.of()).contains(value)) {
            throw failure("%nExpecting header %s: %s%nbut the headers were:%n  %s", name, value, actual.headers());
        }
        return this;
    }

    public HttpResponseAssert hasCookie(String cookie) {
        isNotNull();
        if (!actual.cookies().contains(cookie)) {
            throw failure("%nExpecting cookie:%n  %s%nbut the cookies were:%n  %s", cookie, actual.cookies());
        }
        return this;
    }

    /** The (decoded) body text equals this. */
    public HttpResponseAssert hasBody(String expected) {
        isNotNull();
        if (!Objects.equals(actual.bodyText(), expected)) {
            throw failureWithActualExpected(
                    actual.bodyText(),
                    expected,
                    "%nExpecting body:%n  %s%nbut was:%n  %s",
                    expected,
                    actual.bodyText());
        }
        return this;
    }

    /** The body is this JSON, compared as JSON values. */
    public HttpResponseAssert hasJsonBody(String expectedJson) {
        isNotNull();
        Object expected = dev.lambdakit.events.EventJson.fromJson(expectedJson, Object.class);
        Object body;
        try {
            body = actual.jsonBody(Object.class);
        } catch (RuntimeException e) {
            throw failure("%nExpecting a JSON body but it does not parse:%n  %s", actual.bodyText());
        }
        if (!Objects.equals(expected, body)) {
            throw failureWithActualExpected(
                    actual.bodyText(),
                    expectedJson,
                    "%nExpecting JSON body:%n  %s%nbut was:%n  %s",
                    expectedJson,
                    actual.bodyText());
        }
        return this;
    }

    /** The body is Base64-encoded and decodes to these bytes. */
    public HttpResponseAssert hasBase64Body(byte[] expected) {
        isNotNull();
        if (!actual.isBase64Encoded()) {
            throw failure(
                    "%nExpecting a Base64-encoded body (isBase64Encoded: true), but it was plain:%n  %s",
                    actual.body());
        }
        if (!Arrays.equals(actual.bodyBytes(), expected)) {
            throw failure(
                    "%nExpecting the decoded body %s but was %s",
                    Arrays.toString(expected), Arrays.toString(actual.bodyBytes()));
        }
        return this;
    }

    /** Switches to assertions on the JSON body read as {@code type}. */
    public <T> ObjectAssert<T> jsonBody(Class<T> type) {
        isNotNull();
        return new ObjectAssert<>(actual.jsonBody(type));
    }
}

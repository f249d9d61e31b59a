package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.events.EventJson;
import dev.lambdakit.events.HttpResponse;
import java.util.Arrays;
import java.util.List;
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
public abstract class AbstractHttpResponseAssert<SELF extends AbstractHttpResponseAssert<SELF>>
        extends AbstractAssert<SELF, HttpResponse> {

    // Failure message templates, for subclasses' own messages to match.
    protected static final String MESSAGE_HAS_STATUS_CODE = "%nExpecting status code %s but was %s; body:%n  %s";
    protected static final String MESSAGE_HAS_HEADER = "%nExpecting header %s: %s%nbut the headers were:%n  %s";
    protected static final String MESSAGE_HAS_COOKIE = "%nExpecting cookie:%n  %s%nbut the cookies were:%n  %s";
    protected static final String MESSAGE_HAS_BODY = "%nExpecting body:%n  %s%nbut was:%n  %s";
    protected static final String MESSAGE_HAS_JSON_BODY = "%nExpecting a JSON body but it does not parse:%n  %s";
    protected static final String MESSAGE_HAS_JSON_BODY_2 = "%nExpecting JSON body:%n  %s%nbut was:%n  %s";
    protected static final String MESSAGE_HAS_BASE64_BODY =
            "%nExpecting a Base64-encoded body (isBase64Encoded: true), but it was plain:%n  %s";
    protected static final String MESSAGE_HAS_BASE64_BODY_2 = "%nExpecting the decoded body %s but was %s";

    protected AbstractHttpResponseAssert(HttpResponse actual, Class<?> selfType) {
        super(actual, selfType);
    }

    public SELF hasStatusCode(int expected) {
        isNotNull();
        if (actual.statusCode() != expected) {
            throw failureWithActualExpected(
                    actual.statusCode(),
                    expected,
                    MESSAGE_HAS_STATUS_CODE,
                    expected,
                    actual.statusCode(),
                    actual.body());
        }
        return myself;
    }

    /** The header (any case) has this value among its values. */
    public SELF hasHeader(String name, String value) {
        isNotNull();
        if (!actual.headers().getOrDefault(name, List.of()).contains(value)) {
            throw failure(MESSAGE_HAS_HEADER, name, value, actual.headers());
        }
        return myself;
    }

    public SELF hasCookie(String cookie) {
        isNotNull();
        if (!actual.cookies().contains(cookie)) {
            throw failure(MESSAGE_HAS_COOKIE, cookie, actual.cookies());
        }
        return myself;
    }

    /** The (decoded) body text equals this. */
    public SELF hasBody(String expected) {
        isNotNull();
        if (!Objects.equals(actual.bodyText(), expected)) {
            throw failureWithActualExpected(actual.bodyText(), expected, MESSAGE_HAS_BODY, expected, actual.bodyText());
        }
        return myself;
    }

    /** The body is this JSON, compared as JSON values. */
    public SELF hasJsonBody(String expectedJson) {
        isNotNull();
        Object expected = EventJson.fromJson(expectedJson, Object.class);
        Object body;
        try {
            body = actual.jsonBody(Object.class);
        } catch (RuntimeException e) {
            throw failure(MESSAGE_HAS_JSON_BODY, actual.bodyText());
        }
        if (!Objects.equals(expected, body)) {
            throw failureWithActualExpected(
                    actual.bodyText(), expectedJson, MESSAGE_HAS_JSON_BODY_2, expectedJson, actual.bodyText());
        }
        return myself;
    }

    /** The body is Base64-encoded and decodes to these bytes. */
    public SELF hasBase64Body(byte[] expected) {
        isNotNull();
        if (!actual.isBase64Encoded()) {
            throw failure(MESSAGE_HAS_BASE64_BODY, actual.body());
        }
        if (!Arrays.equals(actual.bodyBytes(), expected)) {
            throw failure(MESSAGE_HAS_BASE64_BODY_2, Arrays.toString(expected), Arrays.toString(actual.bodyBytes()));
        }
        return myself;
    }

    /** Switches to assertions on the JSON body read as {@code type}. */
    public <T> ObjectAssert<T> jsonBody(Class<T> type) {
        isNotNull();
        return new ObjectAssert<>(actual.jsonBody(type));
    }
}

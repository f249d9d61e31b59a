package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.events.HttpResponse;
import org.apiguardian.api.API;

/**
 * Assertions on an HTTP response (API Gateway, function URL, ALB); all of them are in
 * {@link AbstractHttpResponseAssert}, which a project extends to add its own.
 *
 * <pre>{@code
 * assertThat(result).httpResponse().hasStatusCode(201).hasHeader("content-type", "application/json");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HttpResponseAssert extends AbstractHttpResponseAssert<HttpResponseAssert> {

    public HttpResponseAssert(HttpResponse actual) {
        super(actual, HttpResponseAssert.class);
    }
}

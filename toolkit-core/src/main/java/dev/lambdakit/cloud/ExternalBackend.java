package dev.lambdakit.cloud;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.env.Settings;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * An emulator that is already running (a LocalStack started by hand, any compatible emulator): every service at one
 * endpoint, given by {@value #ENDPOINT_PROPERTY} or {@code LAMBDAKIT_ENDPOINT}.
 *
 * <pre>{@code
 * AwsBackend backend = new ExternalBackend(URI.create("http://127.0.0.1:4566"), "us-east-1");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ExternalBackend implements AwsBackend {

    public static final String ENDPOINT_PROPERTY = "lambdakit.endpoint";

    private final URI endpoint;
    private final String region;

    public ExternalBackend(URI endpoint, String region) {
        this.endpoint = endpoint;
        this.region = region;
        RealAwsGuard.allowBackendHost(endpoint.getHost());
    }

    /**
     * The endpoint from {@value #ENDPOINT_PROPERTY} / {@code LAMBDAKIT_ENDPOINT}.
     *
     * @throws IllegalStateException when neither is set
     */
    public static ExternalBackend fromConfiguration() {
        String value = Settings.get(ENDPOINT_PROPERTY).orElse(null);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The external backend needs an endpoint: set -D" + ENDPOINT_PROPERTY
                    + "=http://127.0.0.1:4566 (or LAMBDAKIT_ENDPOINT)");
        }
        return new ExternalBackend(
                URI.create(value.trim()), Settings.get("lambdakit.region").orElse("us-east-1"));
    }

    @Override
    public String name() {
        return "external (" + endpoint + ")";
    }

    @Override
    public Set<AwsService> services() {
        return EnumSet.allOf(AwsService.class);
    }

    @Override
    public URI endpoint(AwsService service) {
        return endpoint;
    }

    @Override
    public String region() {
        return region;
    }
}

package dev.lambdakit.cloud;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URI;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Where a test's AWS calls go: an emulator (embedded, LocalStack, any external endpoint). A backend gives plain
 * values, the endpoint per service and the region, so any SDK or tool can use it; LambdaKit puts them in the
 * function's environment, where SDK clients built inside a handler find them.
 *
 * <pre>{@code
 * AwsBackend backend = Backends.embedded();
 * URI s3 = backend.endpoint(AwsService.S3);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface AwsBackend {

    /** A short name for messages: {@code embedded}, {@code localstack}, {@code external}. */
    String name();

    /** The services this backend can serve here and now. */
    Set<AwsService> services();

    default boolean supports(AwsService service) {
        return services().contains(service);
    }

    /**
     * The service's endpoint, starting the service if it is not running yet.
     *
     * @throws ServiceUnavailableException when this backend cannot serve it, naming a backend that can
     */
    URI endpoint(AwsService service);

    /** The region the backend's resource ARNs use. */
    String region();
}

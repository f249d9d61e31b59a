package dev.lambdakit.cloud;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import org.apiguardian.api.API;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack in Docker through Testcontainers: one container for the whole run, services started on demand. The
 * image is pinned to {@value #TOKENLESS_IMAGE}, the last that runs without an auth token; with
 * {@code LOCALSTACK_AUTH_TOKEN} set, {@code localstack/localstack:latest} is used and the token passed through.
 *
 * <pre>{@code
 * if (LocalStackBackend.dockerAvailable()) {
 *     URI sns = LocalStackBackend.shared().endpoint(AwsService.SNS);
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LocalStackBackend implements AwsBackend {

    public static final String TOKENLESS_IMAGE = "localstack/localstack:4.14.0";

    private static LocalStackBackend shared;
    private final LocalStackContainer container;

    private LocalStackBackend() {
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        DockerImageName image = DockerImageName.parse(
                token == null || token.isBlank() ? TOKENLESS_IMAGE : "localstack/localstack:latest");
        LocalStackContainer c = new LocalStackContainer(image);
        if (token != null && !token.isBlank()) {
            c = c.withEnv("LOCALSTACK_AUTH_TOKEN", token);
        }
        container = c;
        container.start();
    }

    /** Whether a Docker engine answers; probed once by Testcontainers and cached. */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The run's container, started on first use. */
    public static synchronized LocalStackBackend shared() {
        if (!dockerAvailable()) {
            throw new ServiceUnavailableException(
                    null,
                    "The localstack backend needs a Docker engine, and none "
                            + "answers here; use the embedded backend (the default) or an external endpoint");
        }
        if (shared == null) {
            shared = new LocalStackBackend();
        }
        return shared;
    }

    @Override
    public String name() {
        return "localstack";
    }

    @Override
    public Set<AwsService> services() {
        return EnumSet.allOf(AwsService.class);
    }

    @Override
    public URI endpoint(AwsService service) {
        URI endpoint = container.getEndpoint();
        RealAwsGuard.allowBackendHost(endpoint.getHost()); // a remote Docker host is no real AWS
        return endpoint;
    }

    @Override
    public String region() {
        return container.getRegion();
    }
}

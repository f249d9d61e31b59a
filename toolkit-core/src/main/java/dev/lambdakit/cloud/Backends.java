package dev.lambdakit.cloud;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Chooses a backend and wires it into a function: the endpoint variables of the services a test uses.
 *
 * <pre>{@code
 * AwsBackend backend = Backends.of(BackendKind.resolve(BackendKind.EMBEDDED));
 * Map<String, String> env = Backends.environment(backend, List.of(AwsService.S3, AwsService.SQS));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Backends {

    private Backends() {}

    /**
     * The backend of this kind.
     *
     * @throws ServiceUnavailableException for LocalStack without Docker
     * @throws IllegalStateException       for an external backend with no endpoint configured
     */
    public static AwsBackend of(BackendKind kind) {
        return switch (kind) {
            case EMBEDDED -> EmbeddedBackend.shared();
            case LOCALSTACK -> LocalStackBackend.shared();
            case EXTERNAL -> ExternalBackend.fromConfiguration();
        };
    }

    /**
     * Whether {@code kind} can run here, and if not why: a LocalStack backend with no Docker engine answering. A test
     * that opted in ({@code disabledWithoutDocker}) is skipped with this reason; any other fails with it.
     *
     * @throws MissingArtifactException when the backend's artifact is not on the class path: a build mistake, never a
     *                                  reason to skip
     */
    public static Optional<String> unavailable(BackendKind kind) {
        if (kind == BackendKind.LOCALSTACK) {
            try {
                Class.forName("org.testcontainers.localstack.LocalStackContainer");
            } catch (ClassNotFoundException | LinkageError e) {
                throw new MissingArtifactException("The localstack backend needs "
                        + "org.testcontainers:testcontainers-localstack on the test class path: add it as a test "
                        + "dependency (its version managed by org.testcontainers:testcontainers-bom)");
            }
            if (!LocalStackBackend.dockerAvailable()) {
                return Optional.of("the localstack backend needs a Docker engine, and none answers here");
            }
        }
        return Optional.empty();
    }

    /**
     * {@code AWS_ENDPOINT_URL_<SERVICE>} for each service, starting them.
     *
     * @throws ServiceUnavailableException naming the first service the backend cannot serve
     */
    public static Map<String, String> environment(AwsBackend backend, Iterable<AwsService> services) {
        Map<String, String> env = new LinkedHashMap<>();
        for (AwsService service : services) {
            env.put(service.endpointVariable(), backend.endpoint(service).toString());
        }
        return env;
    }
}

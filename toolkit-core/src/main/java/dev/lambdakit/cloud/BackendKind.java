package dev.lambdakit.cloud;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.env.Settings;
import java.util.Arrays;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Which backend a test runs against. A test names one; the system property {@value #PROPERTY} or the environment
 * variable {@value #VARIABLE} overrides it for a whole run (for example {@code -Dlambdakit.backend=localstack} in a CI
 * job with Docker).
 *
 * <pre>{@code
 * BackendKind kind = BackendKind.resolve(BackendKind.EMBEDDED);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum BackendKind {
    /** S3Proxy and ElasticMQ in the test JVM, dynalite for DynamoDB where Node.js is installed. */
    EMBEDDED,
    /** LocalStack in Docker through Testcontainers, one container per run. */
    LOCALSTACK,
    /** An endpoint that is already running, given by {@value ExternalBackend#ENDPOINT_PROPERTY}. */
    EXTERNAL;

    /** Overrides the backend of every test in a run. */
    public static final String PROPERTY = "lambdakit.backend";
    /** The same override as an environment variable. */
    public static final String VARIABLE = "LAMBDAKIT_BACKEND";

    /**
     * The backend to use: the run-wide override if set, else {@code declared}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static BackendKind resolve(BackendKind declared) {
        String override = Settings.get(PROPERTY).orElse(null);
        if (override == null) {
            return declared;
        }
        try {
            return valueOf(override.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown backend '" + override + "' in " + PROPERTY + "/" + VARIABLE + "; valid backends are "
                            + Arrays.toString(values()).toLowerCase(Locale.ROOT),
                    e);
        }
    }
}

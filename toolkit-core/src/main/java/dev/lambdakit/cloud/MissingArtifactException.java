package dev.lambdakit.cloud;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A backend needs an artifact the test class path lacks. Unlike a missing Docker engine, which a test may opt to be
 * skipped for, this is a build mistake: tests fail with it, naming the artifact to add.
 *
 * <pre>{@code
 * // without dev.lambdakit:toolkit-embedded on the class path:
 * EmbeddedBackend.shared().endpoint(AwsService.S3); // MissingArtifactException naming the artifact
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class MissingArtifactException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public MissingArtifactException(String message) {
        super(message);
    }
}

package dev.lambdakit.junit;

import dev.lambdakit.cloud.AwsBackend;
import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.cloud.BackendKind;
import dev.lambdakit.cloud.Backends;
import dev.lambdakit.cloud.internal.SdkSupport;
import java.util.Collection;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.TestAbortedException;

/**
 * Opens a test's backend, or says why it cannot: only a missing Docker engine skips a test, and only one that opted
 * in with {@code disabledWithoutDocker} (Testcontainers' rule); a missing artifact or an SDK too old fails it.
 */
final class BackendGate {

    private BackendGate() {}

    static AwsBackend open(
            BackendKind kind, Collection<AwsService> services, boolean disabledWithoutDocker, String owner) {
        Optional<String> unavailable = Backends.unavailable(kind);
        if (unavailable.isPresent()) {
            if (disabledWithoutDocker) {
                throw new TestAbortedException(
                        "Skipped: " + unavailable.get() + " (disabledWithoutDocker = true on " + owner + ")");
            }
            throw new ExtensionConfigurationException(owner + ": " + unavailable.get() + ". Start a Docker engine, "
                    + "or set disabledWithoutDocker = true on the annotation to skip such tests where none runs.");
        }
        try {
            SdkSupport.requireBackendSupport(kind == BackendKind.EMBEDDED && services.contains(AwsService.S3));
        } catch (IllegalStateException e) {
            throw new ExtensionConfigurationException(owner + ": " + e.getMessage(), e);
        }
        return Backends.of(kind);
    }
}

package dev.lambdakit.env.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Keeps the developer's own AWS identity away from a simulated function.
 *
 * <p>A function's environment holds none of the real variables, but that is not enough: the AWS SDKs fall back to
 * {@code ~/.aws} (through {@code user.home}) and to instance metadata. So the shared credentials and config files
 * point at one empty file, and instance metadata is switched off. JVM-wide system
 * properties ({@code aws.accessKeyId}, {@code aws.profile}, ...) beat environment variables in the SDK and cannot be
 * set per test: when one is present, the function refuses to start and says which.
 */
@API(status = INTERNAL, since = "0.1")
public final class CredentialSandbox {

    /** System properties the AWS SDK v2 prefers over the environment. */
    public static final List<String> CONFLICTING_PROPERTIES = List.of(
            "aws.accessKeyId",
            "aws.secretAccessKey",
            "aws.secretKey",
            "aws.sessionToken",
            "aws.region",
            "aws.profile",
            "aws.sharedCredentialsFile",
            "aws.configFile",
            "aws.webIdentityTokenFile",
            "aws.roleArn",
            "aws.containerCredentialsPath",
            "aws.containerCredentialsFullUri",
            "aws.ec2MetadataServiceEndpoint");

    private static volatile Path emptyFile;

    private CredentialSandbox() {}

    /**
     * The variables that keep the AWS SDKs away from the developer's own files and machine identity: the shared
     * credentials and config files (SDK v2's {@code AWS_SHARED_CREDENTIALS_FILE} and {@code AWS_CONFIG_FILE}, SDK
     * v1's {@code AWS_CREDENTIAL_PROFILES_FILE}) pointed at one empty file, instance metadata off. Lambda has none
     * of them; they stay because the SDKs would otherwise read {@code ~/.aws} through {@code user.home}, a system
     * property no test can change per thread.
     */
    public static Map<String, String> variables() {
        String empty = emptyFile().toString();
        Map<String, String> vars = new HashMap<>();
        vars.put("AWS_SHARED_CREDENTIALS_FILE", empty);
        vars.put("AWS_CONFIG_FILE", empty);
        vars.put("AWS_CREDENTIAL_PROFILES_FILE", empty);
        vars.put("AWS_EC2_METADATA_DISABLED", "true");
        return vars;
    }

    /**
     * The real environment with no AWS identity: every {@code AWS_*}, {@code _AWS*}, {@code LAMBDA_*},
     * {@code _HANDLER} and {@code _X_AMZN_TRACE_ID} left out, plus {@link #variables()}. What threads that belong to
     * no function see while functions run.
     */
    public static Map<String, String> sanitized(Map<String, String> realEnvironment) {
        Map<String, String> vars = new HashMap<>();
        realEnvironment.forEach((name, value) -> {
            if (!(name.startsWith("AWS_")
                    || name.startsWith("_AWS")
                    || name.startsWith("LAMBDA_")
                    || name.equals("_HANDLER")
                    || name.equals("_X_AMZN_TRACE_ID"))) {
                vars.put(name, value);
            }
        });
        vars.putAll(variables());
        return vars;
    }

    /**
     * Fails when a JVM-wide system property would override the simulated identity or region.
     *
     * @throws IllegalStateException naming each such property
     */
    public static void checkSystemProperties() {
        List<String> present = new ArrayList<>();
        for (String name : CONFLICTING_PROPERTIES) {
            if (System.getProperty(name) != null) {
                present.add(name);
            }
        }
        if (!present.isEmpty()) {
            throw new IllegalStateException("System propert" + (present.size() == 1 ? "y " : "ies ") + present
                    + " set for the whole JVM: the AWS SDK prefers them to the simulated function's environment, so "
                    + "a handler would use them instead of its own temporary credentials and region. Remove them "
                    + "(check argLine, MAVEN_OPTS and JAVA_TOOL_OPTIONS) and set values per function instead.");
        }
    }

    private static Path emptyFile() {
        Path file = emptyFile;
        if (file == null) {
            synchronized (CredentialSandbox.class) {
                file = emptyFile;
                if (file == null) {
                    file = ScratchFolder.get().resolve("empty-aws-profile.ini");
                    try {
                        Files.write(file, new byte[0]);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Could not create the empty AWS profile file " + file, e);
                    }
                    emptyFile = file;
                }
            }
        }
        return file;
    }
}

package dev.lambdakit.env;

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
 * <p>Hiding the real variables is not enough: the AWS SDK falls back to {@code ~/.aws} (through {@code user.home}
 * when {@code HOME} is hidden) and to instance metadata. So every real {@code AWS_*} variable is hidden, the shared
 * credentials and config files point at one empty file, and instance metadata is switched off. JVM-wide system
 * properties ({@code aws.accessKeyId}, {@code aws.profile}, ...) beat environment variables in the SDK and cannot be
 * set per test: when one is present, the function refuses to start and says which.
 */
@API(status = INTERNAL, since = "0.1")
public final class CredentialSandbox {

    /** System properties the AWS SDK v2 prefers over the environment. */
    public static final List<String> CONFLICTING_PROPERTIES = List.of(
            "aws.accessKeyId", "aws.secretAccessKey", "aws.secretKey", "aws.sessionToken", "aws.region",
            "aws.profile", "aws.sharedCredentialsFile", "aws.configFile", "aws.webIdentityTokenFile",
            "aws.roleArn", "aws.containerCredentialsPath", "aws.containerCredentialsFullUri",
            "aws.ec2MetadataServiceEndpoint");

    private static volatile Path emptyFile;

    private CredentialSandbox() {
    }

    /**
     * The variables that seal the sandbox: every real {@code AWS_*} and {@code _AWS*} name hidden ({@code null}),
     * the profile files pointed at an empty file, instance metadata off.
     */
    public static Map<String, String> variables(Map<String, String> realEnvironment) {
        Map<String, String> vars = new HashMap<>();
        for (String name : realEnvironment.keySet()) {
            if (name.startsWith("AWS_") || name.startsWith("_AWS") || name.startsWith("LAMBDA_")
                    || name.equals("_HANDLER") || name.equals("_X_AMZN_TRACE_ID")) {
                vars.put(name, null);
            }
        }
        String empty = emptyFile().toString();
        vars.put("AWS_SHARED_CREDENTIALS_FILE", empty);
        vars.put("AWS_CONFIG_FILE", empty);
        vars.put("AWS_EC2_METADATA_DISABLED", "true");
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

package dev.lambdakit.cloud.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Which AWS SDK for Java 2.x the test class path carries, and what it cannot do with a backend: a test that needs
 * the missing part fails naming the version it needs, instead of reaching real AWS or getting an HTTP 500 later.
 */
@API(status = INTERNAL, since = "0.1")
public final class SdkSupport {

    /** The first SDK release whose clients read {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>}. */
    public static final String ENDPOINT_VARIABLES_SINCE = "2.28.1";
    /** The first SDK release with the {@code checksums} module's {@code SdkChecksum}, which S3Proxy 4.1 calls. */
    public static final String EMBEDDED_S3_SINCE = "2.30.0";

    private SdkSupport() {}

    /** The SDK version from {@code sdk-core}, empty when no SDK 2.x is on the class path. */
    public static Optional<String> version() {
        try {
            Class<?> info = Class.forName(
                    "software.amazon.awssdk.core.util.VersionInfo", true, SdkSupport.class.getClassLoader());
            return Optional.ofNullable((String) info.getField("SDK_VERSION").get(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Why clients of this SDK ignore the backend's endpoint variables; empty when they honour them. */
    public static Optional<String> endpointVariablesIgnored() {
        return version()
                .filter(v -> compare(v, ENDPOINT_VARIABLES_SINCE) < 0)
                .map(v -> "the AWS SDK for Java on the test class path is " + v + ", and clients read "
                        + "AWS_ENDPOINT_URL_<SERVICE> only from " + ENDPOINT_VARIABLES_SINCE + " on");
    }

    /**
     * Fails when this SDK cannot work with a backend: clients would not find its endpoints, or an embedded service
     * cannot run on it.
     *
     * @throws IllegalStateException naming the version found, the version needed and how to get it
     */
    public static void requireBackendSupport(boolean embeddedS3) {
        check(version().orElse(null), embeddedS3);
    }

    static void check(String found, boolean embeddedS3) {
        if (found == null) {
            throw new IllegalStateException("A test that uses an AWS backend needs the AWS SDK for Java 2.x on the "
                    + "test class path (at least software.amazon.awssdk:sdk-core, and the clients the test injects, "
                    + "such as software.amazon.awssdk:s3), " + ENDPOINT_VARIABLES_SINCE + " or newer");
        }
        String needed = embeddedS3 && compare(ENDPOINT_VARIABLES_SINCE, EMBEDDED_S3_SINCE) < 0
                ? EMBEDDED_S3_SINCE
                : ENDPOINT_VARIABLES_SINCE;
        if (compare(found, needed) >= 0) {
            return;
        }
        String why = compare(found, ENDPOINT_VARIABLES_SINCE) < 0
                ? "its clients read the backend's endpoints from AWS_ENDPOINT_URL_<SERVICE> only from "
                        + ENDPOINT_VARIABLES_SINCE + " on, so S3Client.create() in a handler would go to real AWS"
                : "the embedded S3 (S3Proxy) calls software.amazon.awssdk.checksums.SdkChecksum, which the SDK has "
                        + "from " + EMBEDDED_S3_SINCE + " on";
        throw new IllegalStateException("The AWS SDK for Java on the test class path is " + found + ", but LambdaKit's "
                + "backends need " + needed + " or newer: " + why + ". Import software.amazon.awssdk:bom " + needed
                + " or newer in <dependencyManagement> (at least in the test scope), or use @Replay recordings, which "
                + "need no backend.");
    }

    /** Compares dotted version numbers numerically ("2.9.0" before "2.28.1"); a non-numeric tail is ignored. */
    static int compare(String a, String b) {
        String[] x = a.split("[.\\-]");
        String[] y = b.split("[.\\-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? number(x[i]) : 0;
            int q = i < y.length ? number(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    private static int number(String part) {
        int end = 0;
        while (end < part.length() && Character.isDigit(part.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(part.substring(0, end));
    }
}

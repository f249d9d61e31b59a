package dev.lambdakit.junit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Refuses JUnit Jupiter older than 5.10 with one clear message, instead of the {@code NoSuchMethodError} a missing
 * API would otherwise raise somewhere in a test.
 */
final class JupiterVersion {

    static final int MIN_MAJOR = 5;
    static final int MIN_MINOR = 10;

    private static volatile String refusal;
    private static volatile boolean checked;

    private JupiterVersion() {}

    /**
     * Fails when the JUnit Jupiter API on the class path is older than 5.10.
     *
     * @throws ExtensionConfigurationException naming the version found and how to get a supported one
     */
    static void check() {
        if (!checked) {
            refusal = refusal(ExtensionContext.class.getPackage().getImplementationVersion());
            checked = true;
        }
        if (refusal != null) {
            throw new ExtensionConfigurationException(refusal);
        }
    }

    /** Why {@code version} is refused, or null when it is supported or unknown (a repackaged or patched jar). */
    static String refusal(String version) {
        if (version == null) {
            return null;
        }
        String[] parts = version.split("[.\\-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            if (major > MIN_MAJOR || (major == MIN_MAJOR && minor >= MIN_MINOR)) {
                return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return "LambdaKit needs JUnit Jupiter " + MIN_MAJOR + "." + MIN_MINOR + " or newer (5.10 to 6.x), but "
                + "junit-jupiter-api " + version + " is on the test class path. Import a newer org.junit:junit-bom in "
                + "<dependencyManagement> (for example 5.14.1 or 6.1.3), or raise the version your BOM manages "
                + "(Spring Boot: the junit-jupiter.version property).";
    }
}

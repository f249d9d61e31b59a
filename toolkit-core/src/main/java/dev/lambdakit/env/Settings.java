package dev.lambdakit.env;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.env.internal.EnvironmentOverlay;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * LambdaKit's own settings ({@code lambdakit.backend}, {@code lambdakit.replay}, ...), looked up in one order
 * everywhere: a system property, then a configuration parameter of the test framework (with JUnit,
 * {@code junit-platform.properties} or the build tool's {@code configurationParameters}), then an environment
 * variable named like the setting in upper case with {@code _} for {@code .} ({@code LAMBDAKIT_BACKEND}).
 *
 * <pre>{@code
 * # src/test/resources/junit-platform.properties
 * lambdakit.backend=localstack
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Settings {

    private static volatile Function<String, Optional<String>> frameworkSource = key -> Optional.empty();

    private Settings() {}

    /** The setting's value, trimmed; empty when unset or blank. */
    public static Optional<String> get(String name) {
        String value = System.getProperty(name);
        if (isBlank(value)) {
            value = frameworkSource.apply(name).orElse(null);
        }
        if (isBlank(value)) {
            value = EnvironmentOverlay.realVariable(variableName(name));
        }
        return isBlank(value) ? Optional.empty() : Optional.of(value.trim());
    }

    /** The setting as a boolean: {@code true} only for the text {@code true}, any case. */
    public static boolean isTrue(String name) {
        return get(name).map("true"::equalsIgnoreCase).orElse(false);
    }

    /**
     * Where a test framework's configuration parameters come from; the JUnit extension registers JUnit's. The
     * parameters are the same for a whole run, so one source serves the JVM.
     */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public static void useFrameworkSource(Function<String, Optional<String>> source) {
        frameworkSource = source;
    }

    /** {@code lambdakit.dynalite.home} becomes {@code LAMBDAKIT_DYNALITE_HOME}; camel case gets underscores. */
    static String variableName(String name) {
        // Read on every environment's creation: a loop, not a regular expression compiled per call.
        StringBuilder variable = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 && c >= 'A' && c <= 'Z' && name.charAt(i - 1) >= 'a' && name.charAt(i - 1) <= 'z') {
                variable.append('_');
            }
            variable.append(c == '.' || c == '-' ? '_' : Character.toUpperCase(c));
        }
        return variable.toString();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

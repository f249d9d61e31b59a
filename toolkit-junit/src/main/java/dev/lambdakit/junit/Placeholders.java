package dev.lambdakit.junit;

import dev.lambdakit.function.FunctionConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The values {@code ${...}} placeholders in event files are replaced with. */
final class Placeholders {

    private Placeholders() {}

    /** The function's region, account and name (Lambda's defaults without a function), then the test's own. */
    static Map<String, String> of(Optional<FunctionConfig> config, String[] own) {
        Map<String, String> values = new HashMap<>();
        values.put("region", config.map(FunctionConfig::region).orElse("us-east-1"));
        values.put("accountId", config.map(FunctionConfig::accountId).orElse("123456789012"));
        values.put("functionName", config.map(FunctionConfig::functionName).orElse("lambdakit-function"));
        for (String pair : own) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ExtensionConfigurationException(
                        "Event placeholder value '" + pair + "' must be written " + "name=value");
            }
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return values;
    }
}

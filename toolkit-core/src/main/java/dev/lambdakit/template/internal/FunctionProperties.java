package dev.lambdakit.template.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.lambdakit.function.Architecture;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.function.LambdaConfigurationException;
import dev.lambdakit.template.TemplateEvent;
import dev.lambdakit.template.TemplateFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/** Turns a function resource's resolved properties into a {@link TemplateFunction}. */
@API(status = INTERNAL, since = "0.1")
public final class FunctionProperties {

    /** Properties that change nothing in a local test: code location, permissions, tags, descriptions. */
    private static final List<String> NO_LOCAL_EFFECT = List.of(
            "CodeUri",
            "Code",
            "Description",
            "Policies",
            "Role",
            "Tags",
            "PermissionsBoundary",
            "PropagateTags",
            "AssumeRolePolicyDocument",
            "RolePath",
            "AutoPublishAlias",
            "AutoPublishAliasAllProperties",
            "AutoPublishCodeSha256",
            "VersionDescription",
            "PackageType",
            "FunctionUrlConfig",
            "LoggingConfig",
            "Handler",
            "Runtime",
            "MemorySize",
            "Timeout",
            "Environment",
            "Architectures",
            "FunctionName",
            "SnapStart",
            "Events",
            "ImageConfig",
            "ImageUri",
            "Metadata",
            "RecursiveLoop");

    /** Properties LambdaKit does not simulate, and what that means for the test. */
    private static final Map<String, String> NOT_SIMULATED = Map.ofEntries(
            Map.entry("Layers", "layers are not loaded; their classes must be on the test class path"),
            Map.entry("VpcConfig", "no network is simulated"),
            Map.entry("FileSystemConfigs", "no EFS file system is mounted"),
            Map.entry("ProvisionedConcurrencyConfig", "every environment starts on demand"),
            Map.entry("ReservedConcurrentExecutions", "concurrency is set per test or service"),
            Map.entry("DeadLetterQueue", "failed asynchronous events are not sent on"),
            Map.entry("EventInvokeConfig", "asynchronous destinations are not simulated"),
            Map.entry("DeploymentPreference", "no deployment happens"),
            Map.entry("Tracing", "no X-Ray segments are recorded"),
            Map.entry("KmsKeyArn", "variables are not encrypted"),
            Map.entry("EphemeralStorage", "/tmp is the test machine's"),
            Map.entry("CodeSigningConfigArn", "code is not signed"),
            Map.entry("RuntimeManagementConfig", "the runtime is the test's JVM or the forked one"),
            Map.entry("InlineCode", "inline code is not Java"));

    private FunctionProperties() {}

    /**
     * @param properties the resource's properties, Globals merged and intrinsics resolved
     */
    public static TemplateFunction read(
            String logicalId, String functionName, Map<String, Object> properties, String region, String accountId) {
        String where = "Resources." + logicalId + ".Properties";
        FunctionConfig.Builder config = FunctionConfig.builder()
                .functionName(functionName)
                .region(region)
                .accountId(accountId);
        config.handler(handler(properties, where));
        Object runtime = properties.get("Runtime");
        if (runtime != null) {
            config.runtime(runtime(String.valueOf(runtime), where));
        }
        if (properties.get("MemorySize") != null) {
            config.memoryMb(integer(properties.get("MemorySize"), where + ".MemorySize"));
        }
        if (properties.get("Timeout") != null) {
            config.timeout(Duration.ofSeconds(integer(properties.get("Timeout"), where + ".Timeout")));
        }
        if (properties.get("Architectures") instanceof List<?> archs && !archs.isEmpty()) {
            config.architecture(architecture(archs, where + ".Architectures"));
        }
        if (properties.get("Environment") instanceof Map<?, ?> env && env.get("Variables") instanceof Map<?, ?> vars) {
            vars.forEach((name, value) -> config.env(String.valueOf(name), text(value)));
        }
        if (properties.get("LoggingConfig") instanceof Map<?, ?> logging) {
            logging(logging, config);
        }
        Map<String, TemplateEvent> events = new LinkedHashMap<>();
        if (properties.get("Events") instanceof Map<?, ?> declared) {
            declared.forEach((name, event) -> events.put(String.valueOf(name), event(String.valueOf(name), event)));
        }
        boolean snapStart = properties.get("SnapStart") instanceof Map<?, ?> snap
                && "PublishedVersions".equals(snap.get("ApplyOn"));
        config.snapStart(snapStart);
        if (properties.get("AutoPublishAlias") != null) {
            // SAM publishes a version behind the alias, and the alias is what events and clients invoke.
            config.version("1");
        }
        List<String> skipped = new ArrayList<>();
        for (String property : properties.keySet()) {
            String why = NOT_SIMULATED.get(property);
            if (why != null) {
                skipped.add(property + ": " + why);
            } else if (!NO_LOCAL_EFFECT.contains(property)) {
                skipped.add(property + ": not a function property LambdaKit knows");
            }
        }
        try {
            return new TemplateFunction(logicalId, config.build(), events, snapStart, skipped);
        } catch (LambdaConfigurationException e) {
            throw new LambdaConfigurationException(e.field(), where + ": " + e.getMessage());
        }
    }

    /** {@code Handler}, or for an image function the first word of {@code ImageConfig.Command}. */
    private static String handler(Map<String, Object> properties, String where) {
        if (properties.get("Handler") instanceof String handler) {
            return handler;
        }
        if (properties.get("ImageConfig") instanceof Map<?, ?> image
                && image.get("Command") instanceof List<?> command
                && !command.isEmpty()) {
            return String.valueOf(command.get(0));
        }
        throw new LambdaConfigurationException(
                "handler",
                where + " has no Handler (or ImageConfig.Command for an image function): LambdaKit needs the "
                        + "handler string, pkg.Class or pkg.Class::method");
    }

    private static String runtime(String runtime, String where) {
        if (FunctionConfig.JAVA_RUNTIMES.contains(runtime)) {
            return runtime;
        }
        throw new LambdaConfigurationException(
                "runtime",
                where + ".Runtime is " + runtime + ": LambdaKit runs Java functions, on "
                        + FunctionConfig.JAVA_RUNTIMES.stream().sorted().toList());
    }

    private static Architecture architecture(List<?> archs, String where) {
        String name = String.valueOf(archs.get(0));
        for (Architecture a : Architecture.values()) {
            if (a.awsName().equals(name) && archs.size() == 1) {
                return a;
            }
        }
        throw new LambdaConfigurationException(
                "architecture", where + " must be [x86_64] or [arm64], but was " + archs);
    }

    /** {@code LogFormat: JSON} and the log levels become the variables Lambda sets for advanced logging. */
    private static void logging(Map<?, ?> logging, FunctionConfig.Builder config) {
        Object format = logging.get("LogFormat");
        if (format != null) {
            config.env("AWS_LAMBDA_LOG_FORMAT", String.valueOf(format).toUpperCase(Locale.ROOT));
        }
        if ("JSON".equalsIgnoreCase(String.valueOf(format)) && logging.get("ApplicationLogLevel") != null) {
            config.env(
                    "AWS_LAMBDA_LOG_LEVEL",
                    String.valueOf(logging.get("ApplicationLogLevel")).toUpperCase(Locale.ROOT));
        }
    }

    @SuppressWarnings("unchecked")
    private static TemplateEvent event(String name, Object event) {
        if (!(event instanceof Map<?, ?> map) || !(map.get("Type") instanceof String type)) {
            throw new LambdaConfigurationException("template", "event " + name + " has no Type");
        }
        Object properties = map.get("Properties");
        return new TemplateEvent(name, type, properties instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of());
    }

    private static int integer(Object value, String where) {
        try {
            return Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new LambdaConfigurationException("template", where + " must be a whole number, but was " + value);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}

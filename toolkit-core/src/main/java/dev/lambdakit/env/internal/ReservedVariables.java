package dev.lambdakit.env.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.lambdakit.env.Settings;
import dev.lambdakit.env.TemporaryCredentials;
import dev.lambdakit.function.FunctionConfig;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The variables Lambda sets in a Java function's environment, for one execution environment.
 *
 * <pre>{@code
 * Map<String, String> vars = ReservedVariables.of(config, "2026/11/26/[$LATEST]0123...", credentials);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ReservedVariables {

    private ReservedVariables() {}

    /**
     * The reserved and platform variables (region, function identity, log group and stream, handler, task root,
     * time zone) and the temporary credentials. {@code _X_AMZN_TRACE_ID} is per invocation and not included.
     * {@code AWS_LAMBDA_RUNTIME_API} is left out in process, where no Runtime API exists.
     */
    public static Map<String, String> of(
            FunctionConfig config, String logStreamName, TemporaryCredentials credentials) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("AWS_REGION", config.region());
        vars.put("AWS_DEFAULT_REGION", config.region());
        vars.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + config.runtime());
        vars.put("AWS_LAMBDA_FUNCTION_NAME", config.functionName());
        vars.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memoryMb()));
        vars.put("AWS_LAMBDA_FUNCTION_VERSION", config.version());
        vars.put("AWS_LAMBDA_INITIALIZATION_TYPE", config.snapStart() ? "snap-start" : "on-demand");
        vars.put("AWS_LAMBDA_LOG_GROUP_NAME", logGroupName(config));
        vars.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName);
        vars.put("_HANDLER", config.handler().handlerString());
        vars.put("LAMBDA_TASK_ROOT", "/var/task");
        vars.put("LAMBDA_RUNTIME_DIR", "/var/runtime");
        vars.put("TZ", ":UTC");
        vars.put("LANG", "en_US.UTF-8");
        vars.put("PATH", "/usr/local/bin:/usr/bin/:/bin:/opt/bin");
        vars.put(
                "LD_LIBRARY_PATH",
                "/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:/var/task:" + "/var/task/lib:/opt/lib");
        vars.put("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR");
        vars.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        vars.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        vars.put("AWS_SESSION_TOKEN", credentials.sessionToken());
        return vars;
    }

    /**
     * A function's whole environment, as its process has it: the sandbox's file variables, the host variables the
     * configuration (or setting {@code lambdakit.hostEnv}, comma-separated) lets through, the reserved and platform
     * variables, then the function's own.
     */
    public static Map<String, String> environment(
            FunctionConfig config, String logStreamName, TemporaryCredentials credentials) {
        Map<String, String> vars = new LinkedHashMap<>(CredentialSandbox.variables());
        Set<String> host = new LinkedHashSet<>(config.hostVariables());
        Settings.get("lambdakit.hostEnv")
                .ifPresent(list -> Arrays.stream(list.split(","))
                        .map(String::trim)
                        .filter(n -> !n.isEmpty())
                        .forEach(host::add));
        for (String name : host) {
            String value = EnvironmentOverlay.realVariable(name);
            if (value != null) {
                vars.put(name, value);
            }
        }
        vars.putAll(of(config, logStreamName, credentials));
        vars.putAll(config.environment());
        return vars;
    }

    /** {@code /aws/lambda/<function name>}. */
    public static String logGroupName(FunctionConfig config) {
        return "/aws/lambda/" + config.functionName();
    }
}

package dev.lambdakit.function;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.env.internal.Partitions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A function's configuration, checked the way Lambda checks it: every value out of range fails {@link
 * Builder#build()} with a {@link LambdaConfigurationException} naming the field and the valid range.
 *
 * <pre>{@code
 * FunctionConfig config = FunctionConfig.builder()
 *         .handler("com.acme.orders.CreateOrder::handleRequest")
 *         .memoryMb(512)
 *         .timeout(Duration.ofSeconds(10))
 *         .env("TABLE_NAME", "orders")
 *         .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FunctionConfig {

    /** Names Lambda sets itself; a function's configuration may not set them. */
    public static final Set<String> RESERVED_VARIABLES = Set.of(
            "_HANDLER",
            "_X_AMZN_TRACE_ID",
            "AWS_DEFAULT_REGION",
            "AWS_REGION",
            "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE",
            "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_RUNTIME_API",
            "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR",
            "TZ");

    /** Java runtimes Lambda offers, as {@code AWS_EXECUTION_ENV} names them after {@code AWS_Lambda_}. */
    public static final Set<String> JAVA_RUNTIMES = Set.of("java8.al2", "java11", "java17", "java21", "java25");

    private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}");
    private static final Pattern ENV_KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]+");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern VERSION = Pattern.compile("\\$LATEST|[1-9][0-9]{0,9}");
    private static final int ENV_LIMIT_BYTES = 4096;

    private final String functionName;
    private final HandlerReference handler;
    private final int memoryMb;
    private final Duration timeout;
    private final Duration initTimeout;
    private final String region;
    private final Architecture architecture;
    private final String runtime;
    private final String version;
    private final String accountId;
    private final Map<String, String> environment;
    private final Set<String> hostVariables;
    private final Long seed;
    private final Execution execution;
    private final boolean snapStart;

    private FunctionConfig(Builder b) {
        this.handler = b.handler;
        this.functionName = b.functionName != null ? b.functionName : defaultName(b.handler);
        this.memoryMb = b.memoryMb;
        this.timeout = b.timeout;
        this.initTimeout = b.initTimeout;
        this.region = b.region;
        this.architecture = b.architecture;
        this.runtime = b.runtime != null ? b.runtime : defaultRuntime();
        this.version = b.version;
        this.accountId = b.accountId;
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
        this.hostVariables = Collections.unmodifiableSet(new LinkedHashSet<>(b.hostVariables));
        this.seed = b.seed;
        this.execution = b.execution;
        this.snapStart = b.snapStart;
    }

    /** A new builder with Lambda's defaults: 128 MB, 3 s, {@code us-east-1}, x86_64, {@code $LATEST}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.handler = handler;
        b.functionName = functionName;
        b.memoryMb = memoryMb;
        b.timeout = timeout;
        b.initTimeout = initTimeout;
        b.region = region;
        b.architecture = architecture;
        b.runtime = runtime;
        b.version = version;
        b.accountId = accountId;
        b.environment.putAll(environment);
        b.hostVariables.addAll(hostVariables);
        b.seed = seed;
        b.execution = execution;
        b.snapStart = snapStart;
        return b;
    }

    public String functionName() {
        return functionName;
    }

    public HandlerReference handler() {
        return handler;
    }

    public int memoryMb() {
        return memoryMb;
    }

    public Duration timeout() {
        return timeout;
    }

    /** How long init may take before Lambda gives up on it: 10 s for on-demand functions. */
    public Duration initTimeout() {
        return initTimeout;
    }

    public String region() {
        return region;
    }

    public Architecture architecture() {
        return architecture;
    }

    /** The Java runtime identifier, for example {@code java21}. */
    public String runtime() {
        return runtime;
    }

    /** The published version: {@code $LATEST} or a number. */
    public String version() {
        return version;
    }

    public String accountId() {
        return accountId;
    }

    /** The function's own environment variables (not the reserved ones Lambda adds). */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * Names of the test JVM's own environment variables the function sees too. Lambda's process holds only the
     * function's variables and the platform's; host variables reach the function only when named here (or in
     * setting {@code lambdakit.hostEnv}).
     */
    public Set<String> hostVariables() {
        return hostVariables;
    }

    /** The seed that makes ids and credentials repeatable, if one was set. */
    public OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    /**
     * Whether a published version of the function restores from a SnapStart snapshot: {@code SnapStart: ApplyOn:
     * PublishedVersions} and a {@link #version()} other than {@code $LATEST}, as on Lambda, where {@code $LATEST}
     * always starts on demand.
     */
    public boolean snapStart() {
        return snapStart && !"$LATEST".equals(version);
    }

    /** Where the handler runs: in this JVM (the default) or a child JVM. */
    public Execution execution() {
        return execution;
    }

    /** {@code arn:<partition>:lambda:<region>:<account>:function:<name>}, the partition following the region. */
    public String functionArn() {
        return "arn:" + Partitions.id(region) + ":lambda:" + region + ":" + accountId + ":function:" + functionName;
    }

    @Override
    public String toString() {
        return "FunctionConfig[" + functionName + ", handler=" + handler + ", " + memoryMb + " MB, timeout="
                + timeout.toSeconds() + " s, " + region + ", " + architecture.awsName() + ", " + runtime
                + (execution == Execution.IN_PROCESS ? "" : ", " + execution) + "]";
    }

    private static String defaultName(HandlerReference handler) {
        String cls = handler.className().orElse("lambdakit-function");
        String simple = cls.substring(cls.lastIndexOf('.') + 1).replace('$', '-');
        String name = simple.replaceAll("[^a-zA-Z0-9_-]", "");
        if (name.isEmpty()) {
            name = "lambdakit-function";
        }
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private static String defaultRuntime() {
        int feature = Runtime.version().feature();
        if (feature >= 25) {
            return "java25";
        }
        return feature >= 21 ? "java21" : "java17";
    }

    /** Builds a {@link FunctionConfig}; {@link #build()} checks every field. */
    public static final class Builder {
        private HandlerReference handler;
        private String functionName;
        private int memoryMb = 128;
        private Duration timeout = Duration.ofSeconds(3);
        private Duration initTimeout = Duration.ofSeconds(10);
        private String region = "us-east-1";
        private Architecture architecture = Architecture.X86_64;
        private String runtime;
        private String version = "$LATEST";
        private String accountId = "123456789012";
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Set<String> hostVariables = new LinkedHashSet<>();
        private Long seed;
        private Execution execution = Execution.IN_PROCESS;
        private boolean snapStart;

        private Builder() {}

        /** The handler string, {@code pkg.Class} or {@code pkg.Class::method}. */
        public Builder handler(String handler) {
            this.handler = HandlerReference.of(handler);
            return this;
        }

        /** The handler class, a {@code RequestHandler} or {@code RequestStreamHandler}. */
        public Builder handler(Class<?> handlerClass) {
            this.handler = HandlerReference.of(handlerClass);
            return this;
        }

        public Builder handler(HandlerReference handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** 1 to 64 letters, digits, hyphens or underscores; defaults to the handler class's simple name. */
        public Builder functionName(String functionName) {
            this.functionName = functionName;
            return this;
        }

        /** 128 to 10,240 MB. */
        public Builder memoryMb(int memoryMb) {
            this.memoryMb = memoryMb;
            return this;
        }

        /** 1 to 900 whole seconds. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** The init phase's limit; Lambda's is 10 s, shorter values let tests exercise it quickly. */
        public Builder initTimeout(Duration initTimeout) {
            this.initTimeout = initTimeout;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder architecture(Architecture architecture) {
            this.architecture = architecture;
            return this;
        }

        /** One of {@link #JAVA_RUNTIMES}; defaults to the closest to the running JVM. */
        public Builder runtime(String runtime) {
            this.runtime = runtime;
            return this;
        }

        /** {@code $LATEST} or a version number. */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** The 12-digit account id in ARNs. */
        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** Sets one environment variable of the function; a later call for the same name wins. */
        public Builder env(String name, String value) {
            if (name == null || value == null) {
                throw new LambdaConfigurationException(
                        "environment",
                        "environment variable names and values must not be null, but got " + name + "=" + value);
            }
            environment.put(name, value);
            return this;
        }

        public Builder env(Map<String, String> variables) {
            variables.forEach(this::env);
            return this;
        }

        /**
         * Lets the function see these variables of the test JVM's environment (when set there), for example
         * {@code HOME}; by default it sees none, as on Lambda.
         */
        public Builder hostVariables(String... names) {
            hostVariables.addAll(List.of(names));
            return this;
        }

        /** Makes request ids, environment ids and credentials repeatable. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * SnapStart for published versions: with a {@link #version(String)} other than {@code $LATEST}, a cold start
         * initializes, runs the function's CRaC {@code beforeCheckpoint} hooks, then restores: its {@code
         * afterRestore} hooks, {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start} and a {@code Restore Duration} in
         * the REPORT line. Simulated in process.
         */
        public Builder snapStart(boolean snapStart) {
            this.snapStart = snapStart;
            return this;
        }

        /** Where the handler runs; {@link Execution#IN_PROCESS} unless set. */
        public Builder execution(Execution execution) {
            this.execution = Objects.requireNonNull(execution, "execution");
            return this;
        }

        /**
         * Checks every field and builds.
         *
         * @throws LambdaConfigurationException for the first invalid field, naming it and the valid values
         */
        public FunctionConfig build() {
            if (handler == null) {
                throw new LambdaConfigurationException(
                        "handler",
                        "handler is required: 'pkg.Class', "
                                + "'pkg.Class::method', a handler class or a factory of instances");
            }
            if (functionName != null && !FUNCTION_NAME.matcher(functionName).matches()) {
                throw new LambdaConfigurationException(
                        "functionName",
                        "functionName must be 1 to 64 letters, " + "digits, hyphens or underscores, but was '"
                                + functionName + "'");
            }
            if (memoryMb < 128 || memoryMb > 10240) {
                throw new LambdaConfigurationException(
                        "memoryMb", "memoryMb must be between 128 and 10240 MB, but was " + memoryMb + " MB");
            }
            checkTimeout();
            if (initTimeout == null || initTimeout.isNegative() || initTimeout.isZero()) {
                throw new LambdaConfigurationException(
                        "initTimeout", "initTimeout must be positive, but was " + initTimeout);
            }
            if (region == null || !REGION.matcher(region).matches()) {
                throw new LambdaConfigurationException(
                        "region",
                        "region must be an AWS region name such as " + "'us-east-1' or 'eu-west-3', but was '" + region
                                + "'");
            }
            Objects.requireNonNull(architecture, "architecture");
            if (runtime != null && !JAVA_RUNTIMES.contains(runtime)) {
                throw new LambdaConfigurationException(
                        "runtime",
                        "runtime must be one of "
                                + JAVA_RUNTIMES.stream().sorted().toList() + ", but was '" + runtime + "'");
            }
            if (version == null || !VERSION.matcher(version).matches()) {
                throw new LambdaConfigurationException(
                        "version", "version must be $LATEST or a positive number, but was '" + version + "'");
            }
            if (accountId == null || !ACCOUNT.matcher(accountId).matches()) {
                throw new LambdaConfigurationException(
                        "accountId", "accountId must be 12 digits, but was '" + accountId + "'");
            }
            checkEnvironment();
            if (execution.isForked() && handler.factory().isPresent()) {
                throw new LambdaConfigurationException(
                        "execution",
                        "execution " + execution + " runs the handler in a child JVM, which cannot receive an "
                                + "instance made in the test's JVM: name the handler by class or handler string, "
                                + "or use Execution.IN_PROCESS");
            }
            if (snapStart && !"$LATEST".equals(version) && execution.isForked()) {
                throw new LambdaConfigurationException(
                        "execution",
                        "SnapStart is simulated in process: run a SnapStart version with Execution.IN_PROCESS or "
                                + "IN_PROCESS_ISOLATED, or test it as $LATEST (on demand) under " + execution);
            }
            if (execution == Execution.IN_PROCESS_ISOLATED && handler.factory().isPresent()) {
                throw new LambdaConfigurationException(
                        "execution",
                        "execution IN_PROCESS_ISOLATED defines the function's classes and libraries anew for each "
                                + "environment, which a handler instance made by the test cannot follow: name the "
                                + "handler by class or handler string, or use Execution.IN_PROCESS");
            }
            return new FunctionConfig(this);
        }

        private void checkTimeout() {
            if (timeout == null) {
                throw new LambdaConfigurationException("timeout", "timeout must not be null");
            }
            if (timeout.toNanos() % 1_000_000_000L != 0) {
                throw new LambdaConfigurationException(
                        "timeout", "timeout must be a whole number of seconds (Lambda's unit), but was " + timeout);
            }
            long seconds = timeout.toSeconds();
            if (seconds < 1 || seconds > 900) {
                throw new LambdaConfigurationException(
                        "timeout", "timeout must be between 1 and 900 seconds, but was " + seconds + " s");
            }
        }

        private void checkEnvironment() {
            StringBuilder measured = new StringBuilder("{");
            for (Map.Entry<String, String> e : environment.entrySet()) {
                String name = e.getKey();
                if (!ENV_KEY.matcher(name).matches()) {
                    throw new LambdaConfigurationException(
                            "environment",
                            "environment variable name '" + name
                                    + "' is invalid: names start with a letter and hold at least two letters, digits or "
                                    + "underscores ([a-zA-Z][a-zA-Z0-9_]+)");
                }
                if (RESERVED_VARIABLES.contains(name)) {
                    throw new LambdaConfigurationException(
                            "environment",
                            "environment variable " + name
                                    + " is reserved by Lambda and cannot be set; reserved names are "
                                    + RESERVED_VARIABLES.stream().sorted().toList());
                }
                if (measured.length() > 1) {
                    measured.append(',');
                }
                measured.append('"')
                        .append(name)
                        .append("\":\"")
                        .append(e.getValue())
                        .append('"');
            }
            measured.append('}');
            int bytes = measured.toString().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > ENV_LIMIT_BYTES) {
                throw new LambdaConfigurationException(
                        "environment",
                        "Lambda was unable to configure your "
                                + "environment variables because the environment variables you have provided exceeded the "
                                + "4KB limit (" + bytes + " bytes measured as JSON, " + environment.size()
                                + " variables)");
            }
        }
    }
}

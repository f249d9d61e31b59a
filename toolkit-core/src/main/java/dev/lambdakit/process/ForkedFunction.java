package dev.lambdakit.process;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.env.ReservedVariables;
import dev.lambdakit.env.TemporaryCredentials;
import dev.lambdakit.events.EventJson;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.Invocation;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaError;
import dev.lambdakit.runtime.LambdaLines;
import dev.lambdakit.runtime.Report;
import dev.lambdakit.server.FunctionRunner;
import dev.lambdakit.server.RuntimeApiServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * A function run as Lambda runs it: in its own JVM, under the official AWS runtime interface client (or, where that
 * cannot load, LambdaKit's pure-Java {@link Bootstrap}), talking to a local Runtime API. The reserved variables and temporary credentials are set for real in the child's environment,
 * its heap is sized from the memory setting as the Java runtime sizes it (85 %), and a timeout or crash kills the
 * process (the next invocation starts a new one: a cold start). The report carries the child's real peak memory.
 * The official client needs {@code com.amazonaws:aws-lambda-java-runtime-interface-client} on the classpath and
 * Linux, where its native code runs.
 *
 * <pre>{@code
 * try (ForkedFunction fn = ForkedFunction.create(FunctionConfig.builder().handler("pkg.Handler").build())) {
 *     InvocationResult<Object> result = fn.invoke("{\"a\":1}");
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ForkedFunction implements FunctionRunner {

    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final java.util.Set<String> FATAL = java.util.Set.of(
            "java.lang.OutOfMemoryError",
            "java.lang.StackOverflowError",
            "java.lang.InternalError",
            "java.lang.UnknownError");

    /** Which runtime runs inside the child JVM. */
    public enum RuntimeClient {
        /** The official AWS runtime interface client (Linux only, for its native code). */
        OFFICIAL,
        /** LambdaKit's pure-Java bootstrap, for macOS and Windows. */
        BOOTSTRAP;

        /** The official client where it can load, the bootstrap elsewhere. */
        public static RuntimeClient best() {
            return ChildSupport.clientPresent() && ChildSupport.nativeLibrary() != null ? OFFICIAL : BOOTSTRAP;
        }
    }

    private final FunctionConfig config;
    private final RuntimeClient client;
    private final Random random = new Random(new SecureRandom().nextLong());
    private final TemporaryCredentials credentials = TemporaryCredentials.generate(random);
    private final String environmentId = HexFormat.of().formatHex(randomBytes(16));
    private Process process;
    private RuntimeApiServer api;
    private volatile StringBuffer currentLog;
    private boolean closed;

    private ForkedFunction(FunctionConfig config, RuntimeClient client) {
        this.config = config;
        this.client = client;
    }

    /** A forked function under the best runtime client for this platform ({@link RuntimeClient#best()}). */
    public static ForkedFunction create(FunctionConfig config) {
        return create(config, RuntimeClient.best());
    }

    /**
     * @throws IllegalStateException when the official client is asked for but missing or cannot run here
     */
    public static ForkedFunction create(FunctionConfig config, RuntimeClient client) {
        if (client == RuntimeClient.BOOTSTRAP) {
            return new ForkedFunction(config, client);
        }
        if (!ChildSupport.clientPresent()) {
            throw new IllegalStateException("A forked runtime needs the official runtime interface client: add "
                    + "com.amazonaws:aws-lambda-java-runtime-interface-client:2.10.1 as a test dependency");
        }
        if (ChildSupport.nativeLibrary() == null) {
            throw new IllegalStateException("The runtime interface client ships native code for Linux (glibc, "
                    + "x86_64 and aarch64) only; this is " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch"));
        }
        return new ForkedFunction(config, client);
    }

    public FunctionConfig config() {
        return config;
    }

    public InvocationResult<Object> invoke(Object event) {
        return invoke(Invocation.of(event), Object.class);
    }

    @Override
    public InvocationResult<Object> invoke(Invocation invocation) {
        return invoke(invocation, Object.class);
    }

    /** Invokes synchronously, as {@link dev.lambdakit.runtime.LambdaFunction#invoke(Invocation, Class)} does. */
    public synchronized <T> InvocationResult<T> invoke(Invocation invocation, Class<T> outputType) {
        if (closed) {
            throw new IllegalStateException("Function " + config.functionName() + " is closed");
        }
        byte[] payload = payload(invocation.event());
        String requestId = UUID.randomUUID().toString();
        StringBuffer log = new StringBuffer();
        currentLog = log;
        boolean cold = process == null || !process.isAlive();
        OptionalDouble initMillis = OptionalDouble.empty();
        LambdaError error = null;
        byte[] response = null;
        int peakMb = 0;
        try {
            if (cold) {
                long initStart = System.nanoTime();
                start();
                log.append(LambdaLines.initStart(config));
                error = awaitInit();
                initMillis = OptionalDouble.of((System.nanoTime() - initStart) / 1e6);
            }
            long start = System.nanoTime();
            log.append("START RequestId: ")
                    .append(requestId)
                    .append(" Version: ")
                    .append(config.version())
                    .append('\n');
            if (error == null) {
                long deadline = System.currentTimeMillis() + config.timeout().toMillis();
                String arn =
                        config.functionArn() + (invocation.qualifier() == null ? "" : ":" + invocation.qualifier());
                CompletableFuture<RuntimeApiServer.Outcome> outcome = api.submit(new RuntimeApiServer.Event(
                        requestId,
                        payload,
                        deadline,
                        arn,
                        "Root=1-" + HexFormat.of().formatHex(randomBytes(4)) + "-"
                                + HexFormat.of().formatHex(randomBytes(12)) + ";Sampled=0",
                        null,
                        null));
                RuntimeApiServer.Outcome result = await(outcome, deadline);
                peakMb = peakMemoryMb();
                if (result == null && process.isAlive()) {
                    api.abandon(requestId);
                    kill(false);
                    error = timeout(requestId);
                } else if (result == null) {
                    error = exited(requestId);
                } else if (result.error()) {
                    error = fromBody(result.body(), LambdaError.Phase.INVOKE, result.errorTypeHeader());
                    if (FATAL.contains(error.errorType())) {
                        // The client ends its loop after a VirtualMachineError: let the process go, and the next
                        // invocation starts a new one, as it does in Lambda.
                        process.waitFor(2, TimeUnit.SECONDS);
                        kill(false);
                    }
                } else {
                    response = result.body();
                }
            }
            if (peakMb == 0) {
                peakMb = peakMemoryMb();
            }
            double duration = (System.nanoTime() - start) / 1e6;
            if (error != null && error.phase() == LambdaError.Phase.TIMEOUT) {
                log.append(error.errorMessage()).append('\n');
            }
            log.append("END RequestId: ").append(requestId).append('\n');
            Report report =
                    new Report(requestId, duration, initMillis, config.memoryMb(), peakMb, -1, config.architecture());
            log.append(report.toLogLine()).append('\n');
            byte[] body = error != null ? error.toJson().getBytes(StandardCharsets.UTF_8) : response;
            return InvocationResult.of(requestId, cold, body, error, report, log.toString(), outputType);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(false);
            throw new IllegalStateException("Interrupted while waiting for the forked runtime", e);
        } finally {
            currentLog = null;
        }
    }

    /** Makes the next invocation a cold start in a new process. */
    public synchronized void forceColdStart() {
        kill(true);
    }

    /** The child's process id, while it runs. */
    public synchronized java.util.OptionalLong pid() {
        return process != null && process.isAlive()
                ? java.util.OptionalLong.of(process.pid())
                : java.util.OptionalLong.empty();
    }

    private void start() {
        api = RuntimeApiServer.start();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:MaxHeapSize=" + (config.memoryMb() * 1024L * 85 / 100) + "k");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("-Djava.net.preferIPv4Stack=true");
        command.add("-javaagent:" + ChildSupport.agentJar());
        // the whole child process is the function: every request from it goes through the real-AWS guard
        command.add("-D" + dev.lambdakit.cloud.RealAwsGuard.MODE_SETTING + "=global");
        if (client == RuntimeClient.OFFICIAL) {
            command.add("-D" + ChildSupport.JNI_PROPERTY + "=" + ChildSupport.nativeLibrary());
            if (Runtime.version().feature() >= 22) {
                command.add("--enable-native-access=ALL-UNNAMED");
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(client == RuntimeClient.OFFICIAL ? ChildSupport.RIC_MAIN : Bootstrap.class.getName());
        command.add(config.handler().handlerString());
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.clear();
        String logStream =
                LocalDate.now(ZoneOffset.UTC).format(STREAM_DATE) + "/[" + config.version() + "]" + environmentId;
        env.putAll(ReservedVariables.environment(config, logStream, credentials));
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        try {
            process = pb.start();
        } catch (IOException e) {
            api.close();
            throw new IllegalStateException("Could not start the forked runtime: " + e.getMessage(), e);
        }
        ChildSupport.pump(process.getInputStream(), System.out, () -> currentLog, "lambdakit-child-out");
        ChildSupport.pump(process.getErrorStream(), System.err, () -> currentLog, "lambdakit-child-err");
    }

    /** Waits for the runtime's first {@code /next}; returns the init error, if any. */
    private LambdaError awaitInit() throws InterruptedException {
        long deadline = System.nanoTime() + config.initTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (api.initError().isDone()) {
                RuntimeApiServer.Outcome o = api.initError().getNow(null);
                kill(false);
                return fromBody(o.body(), LambdaError.Phase.INIT, o.errorTypeHeader());
            }
            if (api.ready().isDone()) {
                return null;
            }
            if (!process.isAlive()) {
                return new LambdaError(
                        "Runtime exited with error: exit status " + process.exitValue(),
                        "Runtime.ExitError",
                        List.of(),
                        LambdaError.Phase.RUNTIME_EXIT,
                        "Runtime.ExitError",
                        null,
                        "the child JVM exited during init; see its output in the log");
            }
            Thread.sleep(2);
        }
        kill(false);
        return new LambdaError(
                "Init timed out after " + config.initTimeout().toSeconds() + " seconds",
                null,
                List.of(),
                LambdaError.Phase.TIMEOUT,
                "Sandbox.Timedout",
                null,
                null);
    }

    private RuntimeApiServer.Outcome await(CompletableFuture<RuntimeApiServer.Outcome> outcome, long deadline)
            throws InterruptedException {
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return outcome.getNow(null);
            }
            try {
                return outcome.get(Math.min(left, 20), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!process.isAlive()) {
                    return outcome.getNow(null);
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private LambdaError timeout(String requestId) {
        return LambdaLines.timeoutError(
                requestId,
                config.timeout(),
                "the runtime process was killed at the deadline; the next invocation starts a new one");
    }

    private LambdaError exited(String requestId) {
        int status = process.exitValue();
        return new LambdaError(
                "RequestId: " + requestId + " Error: Runtime exited with error: exit status " + status,
                "Runtime.ExitError",
                List.of(),
                LambdaError.Phase.RUNTIME_EXIT,
                "Runtime.ExitError",
                null,
                null);
    }

    @SuppressWarnings("unchecked")
    private static LambdaError fromBody(byte[] body, LambdaError.Phase phase, String header) {
        Map<String, Object> tree;
        try {
            tree = (Map<String, Object>) EventJson.toTree(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            tree = Map.of("errorMessage", new String(body, StandardCharsets.UTF_8));
        }
        List<String> trace = new ArrayList<>();
        if (tree.get("stackTrace") instanceof List<?> frames) {
            frames.forEach(f -> trace.add(String.valueOf(f)));
        }
        return new LambdaError(
                String.valueOf(tree.get("errorMessage")),
                (String) tree.get("errorType"),
                trace,
                phase,
                header != null ? header : "Runtime.Unknown",
                null,
                null);
    }

    /** VmHWM of the child: its peak resident memory, in MB (Linux). */
    private int peakMemoryMb() {
        if (process == null) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return (int) Math.min(config.memoryMb(), (kb + 1023) / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone already, or not Linux
        }
        return 0;
    }

    private static byte[] payload(Object event) {
        if (event == null) {
            return "null".getBytes(StandardCharsets.US_ASCII);
        }
        if (event instanceof byte[] b) {
            return b.clone();
        }
        if (event instanceof CharSequence s) {
            return s.toString().getBytes(StandardCharsets.UTF_8);
        }
        return EventJson.toJson(event);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /**
     * Stops the child: gracefully is SIGTERM, then SIGKILL after two seconds, as Lambda's shutdown phase does;
     * otherwise (a timeout, a failed init) SIGKILL at once. Processes the function started go with it, as everything
     * in an execution environment does; read before the child ends, since its orphans are then re-parented.
     */
    private void kill(boolean graceful) {
        if (process != null) {
            List<ProcessHandle> started = process.descendants().toList();
            if (graceful) {
                process.destroy();
            } else {
                process.destroyForcibly();
            }
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            started.forEach(ProcessHandle::destroyForcibly);
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // already closed with the process
            }
            process = null;
        }
        if (api != null) {
            api.close();
            api = null;
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            kill(true);
        }
    }
}

package dev.lambdakit.process;

import dev.lambdakit.cloud.RealAwsGuard;
import dev.lambdakit.env.Settings;
import dev.lambdakit.env.internal.ScratchFolder;
import dev.lambdakit.events.EventJson;
import dev.lambdakit.function.Execution;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.LambdaError;
import dev.lambdakit.runtime.internal.ClientContexts;
import dev.lambdakit.runtime.internal.FunctionRuntime;
import dev.lambdakit.runtime.internal.LogSink;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The forked runtime of one execution environment: a child JVM under the official runtime interface client (or
 * LambdaKit's {@link Bootstrap}) polling a local {@link RuntimeApiServer}. The child's environment is cleared and
 * holds only the function's variables, its heap is sized from the memory setting as the Java runtime sizes it (85 %),
 * and a timeout or crash ends the process (the next invocation starts a new one). The report carries the child's
 * real peak memory.
 *
 * <p>The child's output goes to a file, read at points where the runtime client has finished writing (it asks for
 * the next event only after logging the last one's error), so an invocation's log holds all of its lines.
 */
final class ForkedRuntime implements FunctionRuntime {

    private static final Set<String> FATAL = Set.of(
            "java.lang.OutOfMemoryError",
            "java.lang.StackOverflowError",
            "java.lang.InternalError",
            "java.lang.UnknownError");
    private static final Path SHELL = Path.of("/bin/sh");
    private static final String TELEMETRY_FD = "_LAMBDA_TELEMETRY_LOG_FD";
    /** The first three bytes of a frame's type: the client's log magic {@code 0xa55a} and a zero byte. */
    private static final int FRAME_HEADER_BYTES = 16;

    /** How long the client may take between posting a result and asking for the next event. */
    private static final long SETTLE_MILLIS = 5_000;

    private final FunctionConfig config;
    private final Execution execution;
    private final Environment environment;
    private final LogSink sink = new LogSink();
    private Process process;
    private RuntimeApiServer api;
    private Path output;
    private long outputRead;
    /** The start of a frame whose end the child had not written yet at the last read. */
    private byte[] carry = new byte[0];

    /** For Execution.CONTAINER: how the container is made. */
    private final ContainerLaunch container;

    private int peakMb;
    private String inFlight;
    private boolean initialized;

    ForkedRuntime(FunctionConfig config, Environment environment) {
        this.config = config;
        this.execution = config.execution();
        this.environment = environment;
        if (execution == Execution.FORKED) {
            checkOfficialClient();
        }
        this.container = execution == Execution.CONTAINER ? new ContainerLaunch(config) : null;
    }

    private static void checkOfficialClient() {
        if (!ChildSupport.clientPresent()) {
            throw new IllegalStateException("Execution.FORKED runs the official runtime interface client, which is "
                    + "not on the test class path: add com.amazonaws:aws-lambda-java-runtime-interface-client:2.10.1 "
                    + "as a test dependency, or choose Execution.FORKED_BOOTSTRAP");
        }
        if (ChildSupport.nativeLibrary() == null) {
            throw new IllegalStateException("The runtime interface client ships native code for Linux (glibc, "
                    + "x86_64 and aarch64) only; this is " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + ": choose Execution.FORKED_BOOTSTRAP here");
        }
    }

    @Override
    public LogSink log() {
        return sink;
    }

    @Override
    public boolean isInitialized() {
        return initialized && process != null && process.isAlive();
    }

    @Override
    public boolean logsErrors() {
        return true;
    }

    @Override
    public String timeoutHint() {
        return "the runtime process was killed at the deadline; the next invocation starts a new one";
    }

    @Override
    public Init init(long deadlineNanos) throws InterruptedException {
        kill(false);
        long start = System.nanoTime();
        startProcess();
        while (System.nanoTime() < deadlineNanos) {
            if (api.initError().isDone()) {
                RuntimeApiServer.Outcome o = api.initError().getNow(null);
                updatePeak(); // while the child is still there: the client exits right after reporting
                process.waitFor(SETTLE_MILLIS, TimeUnit.MILLISECONDS); // the client logs the error, then exits
                double millis = millisSince(start);
                kill(false);
                return new Init(
                        Init.Status.FAILED, fromBody(o.body(), LambdaError.Phase.INIT, o.errorTypeHeader()), millis);
            }
            if (api.ready().isDone()) {
                initialized = true;
                drain();
                return new Init(Init.Status.SUCCESS, null, millisSince(start));
            }
            if (!process.isAlive()) {
                int status = process.exitValue();
                double millis = millisSince(start);
                kill(false);
                return new Init(Init.Status.FAILED, exitError("Runtime exited with error: " + ended(status)), millis);
            }
            Thread.sleep(2);
        }
        double millis = millisSince(start);
        kill(false);
        return new Init(Init.Status.TIMED_OUT, null, millis);
    }

    @Override
    public Run run(Request request, long deadlineNanos) throws InterruptedException {
        int polled = api.polls();
        inFlight = request.requestId();
        CompletableFuture<RuntimeApiServer.Outcome> outcome = api.submit(new RuntimeApiServer.Event(
                request.requestId(),
                request.payload(),
                request.deadlineEpochMillis(),
                request.invokedFunctionArn(),
                request.traceId(),
                ClientContexts.toJson(request.clientContext()),
                ClientContexts.toJson(request.identity())));
        RuntimeApiServer.Outcome result = await(outcome, deadlineNanos);
        if (result == null && process.isAlive()) {
            return Run.timeout();
        }
        inFlight = null;
        if (result == null) {
            int status = process.waitFor();
            String how = ended(status);
            kill(false);
            return Run.failed(
                    exitError("RequestId: " + request.requestId() + " Error: Runtime exited with error: " + how));
        }
        settle(polled);
        if (!result.error()) {
            return Run.response(result.body(), -1);
        }
        LambdaError error = fromBody(result.body(), LambdaError.Phase.INVOKE, result.errorTypeHeader());
        if (FATAL.contains(error.errorType())) {
            // The client ends its loop after a VirtualMachineError: the next invocation starts a new process.
            process.waitFor(2, TimeUnit.SECONDS);
            kill(false);
        }
        return Run.failed(error);
    }

    /** Waits until the client asks for the next event (or is gone), then takes what it wrote meanwhile. */
    private void settle(int polled) throws InterruptedException {
        long until = System.nanoTime() + SETTLE_MILLIS * 1_000_000L;
        while (process.isAlive() && System.nanoTime() < until && !api.awaitPoll(polled, 20)) {
            // the poll that took this event was counted before it was submitted: wait for the next one
        }
        drain();
    }

    @Override
    public void reset() {
        if (api != null && inFlight != null) {
            api.abandon(inFlight);
        }
        inFlight = null;
        kill(false);
    }

    @Override
    public int memoryUsedMb() {
        updatePeak();
        return peakMb;
    }

    @Override
    public void close() {
        kill(true);
        if (output != null) {
            try {
                Files.deleteIfExists(output);
            } catch (IOException ignored) {
                // in the scratch folder, which goes with the JVM
            }
        }
    }

    private void startProcess() {
        api = RuntimeApiServer.start();
        if (container != null) {
            startContainer();
            return;
        }
        boolean official = execution == Execution.FORKED;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:MaxHeapSize=" + (config.memoryMb() * 1024L * 85 / 100) + "k");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("-Djava.net.preferIPv4Stack=true");
        command.add("-javaagent:" + ChildSupport.agentJar());
        // the whole child process is the function: every request from it goes through the real-AWS guard
        command.add("-D" + RealAwsGuard.MODE_SETTING + "=global");
        if (official) {
            // as Lambda's Java runtime starts the client: it opens its telemetry descriptor through java.io
            command.add("--add-opens=java.base/java.io=ALL-UNNAMED");
            command.add("-D" + ChildSupport.JNI_PROPERTY + "=" + ChildSupport.nativeLibrary());
            if (Runtime.version().feature() >= 22) {
                command.add("--enable-native-access=ALL-UNNAMED");
            }
        }
        command.add("-cp");
        // A host whose own class path is not the function's (the Maven plugin) names the function's.
        command.add(Settings.get("lambdakit.forkedClassPath").orElse(System.getProperty("java.class.path")));
        command.add(official ? ChildSupport.RIC_MAIN : Bootstrap.class.getName());
        command.add(config.handler().handlerString());
        try {
            if (output == null) {
                output = Files.createTempFile(ScratchFolder.get(), "forked-" + config.functionName() + "-", ".log");
            }
        } catch (IOException e) {
            api.close();
            api = null;
            throw new UncheckedIOException("Could not create the forked runtime's log file: " + e.getMessage(), e);
        }
        boolean framed = official && Files.isExecutable(SHELL);
        if (framed) {
            // Descriptor 3 onto the same file: the client writes each logger call there as a frame of its own,
            // as on Lambda, where every call is one log event, and the order with standard output is kept.
            List<String> wrapped =
                    new ArrayList<>(List.of(SHELL.toString(), "-c", "exec \"$@\" 3>>\"$0\"", output.toString()));
            wrapped.addAll(command);
            command = wrapped;
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(environment.variables());
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        if (framed) {
            env.put(TELEMETRY_FD, "3");
        }
        try {
            Files.write(output, new byte[0]);
            outputRead = 0;
            carry = new byte[0];
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            process = pb.start(); // its standard input stays open: the child's ParentWatch ends it at EOF
        } catch (IOException e) {
            api.close();
            api = null;
            throw new UncheckedIOException("Could not start the forked runtime: " + e.getMessage(), e);
        }
        peakMb = 0;
    }

    private void startContainer() {
        try {
            if (output == null) {
                output = Files.createTempFile(ScratchFolder.get(), "container-" + config.functionName() + "-", ".log");
            }
            Files.write(output, new byte[0]);
            outputRead = 0;
            carry = new byte[0];
            process = container.start(environment.variables(), api.address(), output);
        } catch (IOException | RuntimeException e) {
            api.close();
            api = null;
            container.close();
            throw new IllegalStateException("Could not start the function's container: " + e.getMessage(), e);
        }
        peakMb = 0;
    }

    /** How Lambda words a runtime's end: a kill (the memory limit) is a signal, anything else an exit status. */
    private String ended(int status) {
        boolean killed = status == 137 || process instanceof ContainerProcess c && c.oomKilled();
        return killed ? "signal: killed" : "exit status " + status;
    }

    private RuntimeApiServer.Outcome await(CompletableFuture<RuntimeApiServer.Outcome> outcome, long deadlineNanos)
            throws InterruptedException {
        while (true) {
            long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return outcome.getNow(null);
            }
            try {
                return outcome.get(Math.min(left, 20), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                updatePeak();
                if (!process.isAlive()) {
                    return outcome.getNow(null);
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Hands what the child wrote since the last call to the log. */
    private void drain() {
        if (output == null) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(output.toFile(), "r")) {
            long length = file.length();
            if (length <= outputRead) {
                return;
            }
            int fresh = (int) Math.min(length - outputRead, Integer.MAX_VALUE - 8 - carry.length);
            byte[] bytes = new byte[carry.length + fresh];
            System.arraycopy(carry, 0, bytes, 0, carry.length);
            file.seek(outputRead);
            file.readFully(bytes, carry.length, fresh);
            outputRead += fresh;
            carry = unframe(bytes);
        } catch (IOException e) {
            sink.log("[LambdaKit: could not read the forked runtime's output: " + e.getMessage() + "]\n");
        }
    }

    /**
     * Hands raw output to the log as it is, and each frame's message as a line of its own; returns the bytes of a
     * frame not complete yet. A frame is {@code 0xa55a 00 <flags>}, a 4-byte length, an 8-byte timestamp (big
     * endian), then the message.
     */
    private byte[] unframe(byte[] b) {
        int i = 0;
        while (i < b.length) {
            if (isFrameStart(b, i)) {
                if (b.length - i < FRAME_HEADER_BYTES) {
                    return Arrays.copyOfRange(b, i, b.length);
                }
                int length = ((b[i + 4] & 0xff) << 24)
                        | ((b[i + 5] & 0xff) << 16)
                        | ((b[i + 6] & 0xff) << 8)
                        | (b[i + 7] & 0xff);
                int end = i + FRAME_HEADER_BYTES + length;
                if (length < 0 || end > b.length) {
                    return Arrays.copyOfRange(b, i, b.length);
                }
                sink.endLine();
                sink.capture(b, i + FRAME_HEADER_BYTES, length);
                sink.endLine();
                i = end;
                continue;
            }
            int next = i + 1;
            while (next < b.length && !isFrameStart(b, next)) {
                next++;
            }
            sink.capture(b, i, next - i);
            i = next;
        }
        return new byte[0];
    }

    private static boolean isFrameStart(byte[] b, int i) {
        return (b[i] & 0xff) == 0xa5 && (i + 1 >= b.length || b[i + 1] == 0x5a) && (i + 2 >= b.length || b[i + 2] == 0);
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static LambdaError exitError(String message) {
        return new LambdaError(
                message,
                "Runtime.ExitError",
                List.of(),
                LambdaError.Phase.RUNTIME_EXIT,
                "Runtime.ExitError",
                null,
                "the child JVM exited; its output is in the log");
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

    /** VmHWM of the child: its peak resident memory, in MB (Linux), kept after the child ends. */
    private void updatePeak() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    peakMb = Math.max(peakMb, (int) Math.min(config.memoryMb(), (kb + 1023) / 1024));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone already, or not Linux
        }
    }

    /**
     * Stops the child: gracefully is SIGTERM, then SIGKILL after two seconds, as Lambda's shutdown phase does;
     * otherwise (a timeout, a failed init) SIGKILL at once. Processes the function started go with it, as everything
     * in an execution environment does; read before the child ends, since its orphans are then re-parented.
     */
    private void kill(boolean graceful) {
        initialized = false;
        if (process != null) {
            updatePeak();
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
                // gone with the process
            }
            process = null;
            drain();
        }
        if (api != null) {
            api.close();
            api = null;
        }
        if (container != null) {
            container.close();
        }
    }
}

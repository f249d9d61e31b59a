package dev.lambdakit.process;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.lambdakit.cloud.LocalStackBackend;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.RemoteDockerImage;
import org.testcontainers.utility.DockerImageName;

/**
 * A container seen as a {@link Process}, so the forked runtime drives it as it drives a child JVM: alive while the
 * container runs, its exit code when it stops ({@code 137} after an out-of-memory kill), {@code destroy} as SIGTERM
 * and {@code destroyForcibly} as SIGKILL, and {@code pid} the host's id of the container's first process (whose
 * peak memory the report reads). It is created through Testcontainers' Docker client, labelled so that Ryuk removes
 * it if the test JVM dies, and removed once it has stopped.
 */
final class ContainerProcess extends Process {

    /** What the container is made of. */
    record Spec(
            String image,
            String name,
            List<String> entrypoint,
            List<String> command,
            Map<String, String> environment,
            long memoryBytes,
            long tmpBytes,
            List<String[]> readOnlyBinds,
            List<String[]> writableBinds) {}

    /** Containers still running, killed when the JVM exits (where Ryuk runs, it would remove them too). */
    private static final java.util.Set<ContainerProcess> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> RUNNING.forEach(c -> remove(c.docker, c.id)), "lambdakit-container-cleanup"));
    }

    private final DockerClient docker;
    private final String id;
    private final long pid;
    private Integer exitCode;
    private boolean oomKilled;

    private ContainerProcess(DockerClient docker, String id, long pid) {
        this.docker = docker;
        this.id = id;
        this.pid = pid;
    }

    /** Whether a Docker engine answers, as Testcontainers finds it (probed once, shared with LocalStack's). */
    static boolean dockerAvailable() {
        return LocalStackBackend.dockerAvailable();
    }

    static ContainerProcess start(Spec spec) {
        DockerClient docker = DockerClientFactory.instance().client();
        ensureImage(docker, spec.image());
        List<Bind> binds = new ArrayList<>();
        for (String[] b : spec.readOnlyBinds()) {
            binds.add(new Bind(b[0], new Volume(b[1]), AccessMode.ro));
        }
        for (String[] b : spec.writableBinds()) {
            binds.add(new Bind(b[0], new Volume(b[1]), AccessMode.rw));
        }
        HostConfig host = HostConfig.newHostConfig()
                .withMemory(spec.memoryBytes())
                .withMemorySwap(spec.memoryBytes()) // no swap: past the limit the kernel kills, as on Lambda
                .withNetworkMode("none")
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of("/tmp", "rw,exec,size=" + spec.tmpBytes()))
                .withBinds(binds);
        List<String> env = new ArrayList<>();
        spec.environment().forEach((k, v) -> env.add(k + "=" + v));
        Map<String, String> labels = new HashMap<>(DockerClientFactory.DEFAULT_LABELS);
        labels.put(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, DockerClientFactory.SESSION_ID);
        labels.put("dev.lambdakit.function", spec.name());
        String id = docker.createContainerCmd(spec.image())
                .withName(spec.name())
                .withEntrypoint(spec.entrypoint())
                .withCmd(spec.command())
                .withEnv(env)
                .withLabels(labels)
                .withWorkingDir("/var/task")
                .withHostConfig(host)
                .exec()
                .getId();
        try {
            docker.startContainerCmd(id).exec();
            InspectContainerResponse.ContainerState state =
                    docker.inspectContainerCmd(id).exec().getState();
            Long pid = state.getPidLong();
            ContainerProcess started = new ContainerProcess(docker, id, pid == null ? -1 : pid);
            RUNNING.add(started);
            return started;
        } catch (RuntimeException e) {
            remove(docker, id);
            throw e;
        }
    }

    private static void ensureImage(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            new RemoteDockerImage(DockerImageName.parse(image)).get(); // pulls, with Testcontainers' retries
        }
    }

    private void refresh() {
        if (exitCode != null) {
            return;
        }
        try {
            InspectContainerResponse.ContainerState state =
                    docker.inspectContainerCmd(id).exec().getState();
            if (Boolean.TRUE.equals(state.getRunning())) {
                return;
            }
            Long code = state.getExitCodeLong();
            exitCode = code == null ? -1 : code.intValue();
            oomKilled = Boolean.TRUE.equals(state.getOOMKilled());
        } catch (NotFoundException e) {
            exitCode = -1;
        }
        remove(docker, id);
        RUNNING.remove(this);
    }

    private static void remove(DockerClient docker, String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (RuntimeException ignored) {
            // gone already
        }
    }

    /** Whether the kernel killed the container for exceeding its memory limit. */
    boolean oomKilled() {
        refresh();
        return oomKilled;
    }

    @Override
    public boolean isAlive() {
        // The forked runtime asks every few milliseconds: while the container's first process is there (a local
        // engine shows it among the host's processes), it runs, and no round trip to the engine is needed.
        if (exitCode == null
                && pid > 0
                && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return true;
        }
        refresh();
        return exitCode == null;
    }

    @Override
    public int exitValue() {
        refresh();
        if (exitCode == null) {
            throw new IllegalThreadStateException("container " + id + " is running");
        }
        return exitCode;
    }

    @Override
    public int waitFor() throws InterruptedException {
        while (isAlive()) {
            Thread.sleep(10);
        }
        return exitCode;
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        long until = System.nanoTime() + unit.toNanos(timeout);
        while (isAlive()) {
            if (System.nanoTime() >= until) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public void destroy() {
        signal("SIGTERM");
    }

    @Override
    public Process destroyForcibly() {
        signal("SIGKILL");
        return this;
    }

    private void signal(String signal) {
        if (exitCode == null) {
            try {
                docker.killContainerCmd(id).withSignal(signal).exec();
            } catch (RuntimeException ignored) {
                // stopped meanwhile
            }
        }
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public Stream<ProcessHandle> descendants() {
        return Stream.empty(); // everything in the container ends with it
    }

    @Override
    public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream();
    }

    @Override
    public InputStream getInputStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public InputStream getErrorStream() {
        return InputStream.nullInputStream();
    }
}

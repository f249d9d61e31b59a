package dev.lambdakit.cloud;

import dev.lambdakit.env.Settings;
import dev.lambdakit.env.internal.EnvironmentOverlay;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * dynalite (a DynamoDB emulator for Node.js) as a child process on 127.0.0.1. The child reads its standard input and
 * exits when it closes, so it dies with the test JVM even when that is killed. dynalite is taken from
 * {@value #HOME_PROPERTY} (or {@code LAMBDAKIT_DYNALITE_HOME}), else installed once with npm into
 * {@code ~/.cache/lambdakit/dynalite-<version>}.
 */
final class Dynalite implements AutoCloseable {

    static final String VERSION = "4.0.0";
    static final String HOME_PROPERTY = "lambdakit.dynalite.home";

    private static final String SCRIPT = String.join(
            "\n",
            "const dynalite = require('dynalite');",
            "const server = dynalite({createTableMs: 0, deleteTableMs: 0, updateTableMs: 0});",
            "server.listen(Number(process.argv[1]), '127.0.0.1', err => { if (err) { console.error(err); "
                    + "process.exit(2); } console.log('dynalite ready'); });",
            "process.stdin.on('end', () => process.exit(0)); process.stdin.on('error', () => process.exit(0));",
            "process.stdin.resume();");

    private final Process process;
    private final URI endpoint;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.endpoint = URI.create("http://" + FreePorts.LOOPBACK + ":" + port);
    }

    /** Why dynalite cannot run here, or empty when it can. */
    static Optional<String> unavailableReason() {
        if (!onPath("node")) {
            return Optional.of("Node.js ('node') is not on the PATH");
        }
        if (home().isEmpty() && !onPath("npm")) {
            return Optional.of("dynalite is not installed and 'npm' is not on the PATH to install it");
        }
        return Optional.empty();
    }

    static Dynalite start() throws IOException, InterruptedException {
        Path modules = home().orElseGet(Dynalite::install);
        int port = FreePorts.find();
        ProcessBuilder pb = new ProcessBuilder("node", "-e", SCRIPT, Integer.toString(port));
        hostEnvironment(pb).put("NODE_PATH", modules.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = pb.start();
        Dynalite d = new Dynalite(process, port);
        if (!FreePorts.awaitOpen(port, Duration.ofSeconds(30), process.toHandle())) {
            d.close();
            throw new IOException("dynalite did not start on 127.0.0.1:" + port + " within 30 s (exit "
                    + (process.isAlive() ? "none, still running" : process.exitValue()) + ")");
        }
        return d;
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // closing stdin is only the polite way to stop it
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> home() {
        String configured = Settings.get(HOME_PROPERTY).orElse(null);
        List<Path> candidates = configured != null
                ? List.of(Path.of(configured), Path.of(configured, "node_modules"))
                : List.of(cacheDir().resolve("node_modules"));
        return candidates.stream()
                .filter(p -> Files.isDirectory(p.resolve("dynalite")))
                .findFirst();
    }

    /** The emulator runs with the host's variables (PATH, HOME), never a function's, started whenever it is. */
    private static Map<String, String> hostEnvironment(ProcessBuilder pb) {
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(EnvironmentOverlay.hostEnvironment());
        return env;
    }

    private static Path cacheDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "lambdakit", "dynalite-" + VERSION);
    }

    private static Path install() {
        Path dir = cacheDir();
        try {
            Files.createDirectories(dir);
            ProcessBuilder install = new ProcessBuilder(
                            "npm",
                            "install",
                            "--no-audit",
                            "--no-fund",
                            "--prefix",
                            dir.toString(),
                            "dynalite@" + VERSION)
                    .redirectErrorStream(true);
            hostEnvironment(install);
            Process npm = install.start();
            String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException(
                        "npm could not install dynalite@" + VERSION + " into " + dir + ":\n" + out);
            }
            return dir.resolve("node_modules");
        } catch (IOException e) {
            throw new IllegalStateException("Could not install dynalite@" + VERSION + " into " + dir + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing dynalite", e);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}

package dev.lambdakit.env.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The one temporary folder a test JVM writes files into (the empty AWS profile, the forked runtimes' agent jar and
 * native library), named after the JVM's process id.
 *
 * <p>It is removed when the JVM exits. A JVM that is killed cannot clean up, so the next JVM to create its own folder
 * first removes every folder whose owner process is gone: files do not pile up in the temporary directory.
 */
@API(status = INTERNAL, since = "0.1")
public final class ScratchFolder {

    static final String PREFIX = "lambdakit-";

    private static Path folder;

    private ScratchFolder() {}

    /** This JVM's folder, created (and older folders of dead JVMs removed) on first use. */
    public static synchronized Path get() {
        if (folder == null) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            sweep(tmp);
            try {
                folder = Files.createTempDirectory(
                        tmp, PREFIX + ProcessHandle.current().pid() + "-");
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Could not create LambdaKit's temporary folder in " + tmp
                                + " (java.io.tmpdir): check that it exists and is writable",
                        e);
            }
            Path created = folder;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(created), "lambdakit-scratch-cleanup"));
        }
        return folder;
    }

    /**
     * Removes the folders left by JVMs that no longer run; returns how many. A folder whose owner may still run, or
     * whose name does not carry a process id, is left alone.
     */
    static int sweep(Path tmp) {
        int removed = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmp, PREFIX + "*-*")) {
            for (Path candidate : folders) {
                long owner = ownerPid(candidate.getFileName().toString());
                if (owner > 0
                        && Files.isDirectory(candidate)
                        && !ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    delete(candidate);
                    removed++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a folder we cannot read or remove costs disk space, never a test.
        }
        return removed;
    }

    /** The process id in {@code lambdakit-<pid>-<random>}, or -1 when the name has another shape. */
    static long ownerPid(String name) {
        String rest = name.substring(PREFIX.length());
        int dash = rest.indexOf('-');
        if (dash <= 0) {
            return -1;
        }
        try {
            return Long.parseLong(rest.substring(0, dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // already gone, or another JVM's sweep got there first
        }
    }
}

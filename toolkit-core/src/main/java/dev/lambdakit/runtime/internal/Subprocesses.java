package dev.lambdakit.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ends the processes an in-process function started, with their descendants, when its environment ends, as the end
 * of a Lambda sandbox does.
 *
 * <p>A process belongs to an environment when its inherited variables carry the environment's log stream name, which
 * is unique per environment ({@code /proc/<pid>/environ}, Linux). Processes started while several function
 * environments disagree get no function's variables, so they are not attributed and stay; the forked runtime, whose
 * process tree dies with it, has no such limit.
 */
final class Subprocesses {

    private static final String KEY = "AWS_LAMBDA_LOG_STREAM_NAME";

    private Subprocesses() {}

    /** Ends every descendant of this JVM that inherited {@code variables}' log stream; returns how many ended. */
    static int endStartedBy(Map<String, String> variables) {
        String stream = variables.get(KEY);
        if (stream == null || !Files.isDirectory(Path.of("/proc/self"))) {
            return 0;
        }
        byte[] marker = (KEY + "=" + stream).getBytes(StandardCharsets.UTF_8);
        List<ProcessHandle> owned = new ArrayList<>();
        ProcessHandle.current().descendants().forEach(p -> {
            if (carries(p.pid(), marker)) {
                owned.add(p);
            }
        });
        for (ProcessHandle root : owned) {
            root.descendants().forEach(ProcessHandle::destroyForcibly);
            root.destroyForcibly();
        }
        return owned.size();
    }

    private static boolean carries(long pid, byte[] entry) {
        byte[] environ;
        try {
            environ = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
        } catch (IOException | SecurityException e) {
            return false; // gone already, or not ours to read
        }
        // entries are NUL-separated; match a whole entry
        for (int start = 0; start < environ.length; ) {
            int end = start;
            while (end < environ.length && environ[end] != 0) {
                end++;
            }
            if (end - start == entry.length && regionEquals(environ, start, entry)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static boolean regionEquals(byte[] data, int offset, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (data[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}

package dev.lambdakit.runtime.internal;

import dev.lambdakit.env.internal.JdkFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private static final boolean PROC = Files.isDirectory(Path.of("/proc/self"));

    private Subprocesses() {}

    /** Ends every descendant of this JVM that inherited {@code variables}' log stream; returns how many ended. */
    static int endStartedBy(Map<String, String> variables) {
        String stream = variables.get(KEY);
        if (stream == null || !PROC) {
            return 0;
        }
        byte[] marker = (KEY + "=" + stream).getBytes(StandardCharsets.UTF_8);
        List<ProcessHandle> owned = new ArrayList<>();
        for (long pid : children()) {
            if (carries(pid, marker)) {
                ProcessHandle.of(pid).ifPresent(owned::add);
            }
        }
        for (ProcessHandle root : owned) {
            root.descendants().forEach(ProcessHandle::destroyForcibly);
            root.destroyForcibly();
        }
        return owned.size();
    }

    /**
     * This JVM's live child processes. Asking the system ({@code ProcessHandle.current().children()}) reads every
     * process's {@code /proc} entry, about a millisecond per environment even where nothing was started; the JDK
     * already tracks every process a {@code ProcessBuilder} started until it exits ({@code
     * ProcessHandleImpl.completions}), so that map is read instead, through {@code sun.misc.Unsafe} as {@code
     * java.lang} is closed to reflection.
     */
    private static Set<Long> children() {
        Map<Long, ?> tracked = Tracked.MAP;
        if (tracked == null) {
            Set<Long> pids = new HashSet<>();
            ProcessHandle.current().children().forEach(p -> pids.add(p.pid()));
            return pids;
        }
        return new HashSet<>(tracked.keySet());
    }

    /** The JDK's map of started processes, or null where this JVM does not have it. */
    private static final class Tracked {
        static final Map<Long, ?> MAP = find();

        @SuppressWarnings("unchecked")
        private static Map<Long, ?> find() {
            try {
                Object map = JdkFields.staticField("java.lang.ProcessHandleImpl", "completions")
                        .get();
                return map instanceof Map<?, ?> m ? (Map<Long, ?>) m : null;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
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

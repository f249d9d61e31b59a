package dev.lambdakit.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The forked runtimes' child JVMs this JVM runs, found by the handler string on their command line (Linux). */
public final class ForkedChildren {

    private ForkedChildren() {}

    /**
     * The one live child running {@code handler} (a handler string, or a class whose handler method the child was
     * given); fails when there is none or more than one.
     */
    public static long pidOf(String handler) {
        List<ProcessHandle> children = ProcessHandle.current()
                .children()
                .filter(ProcessHandle::isAlive)
                .filter(p -> arguments(p).stream().anyMatch(a -> a.equals(handler) || a.startsWith(handler + "::")))
                .toList();
        if (children.size() != 1) {
            throw new IllegalStateException("Expected one child JVM running " + handler + ", found " + children);
        }
        return children.get(0).pid();
    }

    /** Read from /proc: the JDK reports no arguments for a command line as long as a child's class path. */
    private static List<String> arguments(ProcessHandle process) {
        try {
            String all = new String(
                    Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                    StandardCharsets.UTF_8);
            return List.of(all.split("\0"));
        } catch (IOException e) {
            return List.of(); // ended meanwhile
        }
    }
}

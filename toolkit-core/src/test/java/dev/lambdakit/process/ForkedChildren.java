package dev.lambdakit.process;

import java.util.List;

/** The forked runtimes' child JVMs this JVM runs, found by the handler string on their command line. */
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
                .filter(p ->
                        p.info().arguments().map(List::of).orElse(List.of()).contains(handler))
                .toList();
        if (children.size() != 1) {
            throw new IllegalStateException("Expected one child JVM running " + handler + ", found " + children);
        }
        return children.get(0).pid();
    }
}

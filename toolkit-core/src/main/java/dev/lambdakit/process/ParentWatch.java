package dev.lambdakit.process;

import java.io.IOException;

/**
 * A Java agent for forked runtimes: it reads the child's standard input, which the parent holds open, and halts the
 * child when it ends. So a child never outlives its test JVM, even when that JVM is killed outright. In a container
 * (argument {@code container}) it starts the {@link Relay}s to the host instead.
 */
@org.apiguardian.api.API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
public final class ParentWatch {

    private ParentWatch() {}

    public static void premain(String args) throws java.io.IOException {
        if ("container".equals(args)) {
            // A container has no parent to watch (the host kills it); it reaches the host through relays.
            String ports = System.getenv("LAMBDAKIT_RELAYS");
            if (ports != null) {
                Relay.container(java.nio.file.Path.of("/var/lambdakit/sockets"), ports);
            }
            return;
        }
        Thread watch = new Thread(
                () -> {
                    try {
                        while (System.in.read() != -1) {
                            // the parent writes nothing; any byte is ignored
                        }
                    } catch (IOException ignored) {
                        // a broken pipe means the same as end of input
                    }
                    Runtime.getRuntime().halt(137);
                },
                "lambdakit-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}

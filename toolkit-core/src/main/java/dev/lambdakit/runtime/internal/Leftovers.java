package dev.lambdakit.runtime.internal;

import dev.lambdakit.function.internal.ResolvedHandler;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Closes what an ended {@code IN_PROCESS_ISOLATED} environment's handler holds: {@link AutoCloseable}s in the
 * handler's fields, instance and static, whose class the environment defined (an SDK client, its HTTP client).
 *
 * <p>Lambda ends a sandbox by killing its process; a JVM that hosts many environments must instead let each one's
 * classes be collected. Library threads stand in the way: the SDK's idle-connection reaper catches every
 * {@code Throwable}, so neither an interrupt nor {@code Thread.stop} ends it, and it pins the environment's class
 * loader (about 4 MB of classes for an SDK client). Closing the client deregisters it, and the reaper ends. Objects the
 * test shares with the function (the JDK's, LambdaKit's) are never closed: only those the environment defined.
 */
final class Leftovers {

    private static final long WAIT_MILLIS = 2_000;

    private Leftovers() {}

    /** Closes the handler's own closeable fields on a daemon thread, waiting a bounded time for slow closes. */
    static void close(ResolvedHandler handler) {
        Class<?> cls = handler.handlerClass();
        if (cls == null || !(cls.getClassLoader() instanceof EnvironmentClassLoader loader)) {
            return;
        }
        List<AutoCloseable> held = held(handler.instance(), cls, loader);
        if (held.isEmpty()) {
            return;
        }
        Thread closer = new Thread(
                () -> held.forEach(c -> {
                    try {
                        c.close();
                    } catch (Throwable ignored) {
                        // the environment is gone; a failing close changes nothing the test can see
                    }
                }),
                "lambdakit-leftovers");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<AutoCloseable> held(Object instance, Class<?> handlerClass, ClassLoader loader) {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        List<AutoCloseable> found = new ArrayList<>();
        for (Class<?> c = handlerClass; c != null && c.getClassLoader() == loader; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                boolean isStatic = Modifier.isStatic(f.getModifiers());
                if (f.getType().isPrimitive() || (!isStatic && instance == null)) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    Object value = f.get(isStatic ? null : instance);
                    if (value instanceof AutoCloseable closeable
                            && value.getClass().getClassLoader() == loader
                            && seen.put(value, Boolean.TRUE) == null) {
                        found.add(closeable);
                    }
                } catch (RuntimeException | IllegalAccessException e) {
                    // a field we may not read holds nothing we can close
                }
            }
        }
        return found;
    }
}

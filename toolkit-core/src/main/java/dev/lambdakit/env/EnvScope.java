package dev.lambdakit.env;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One layer of simulated environment variables, seen through {@link System#getenv} by the threads bound to it.
 *
 * <p>A scope maps names to values; a {@code null} value hides a real variable of the same name. Scopes stack: a
 * child layer (for example one invocation's {@code _X_AMZN_TRACE_ID}) falls back to its parent. A closed scope is
 * ignored everywhere, so a thread that inherited it and outlived its test sees the real environment, never a stale
 * simulated one.
 *
 * <pre>{@code
 * try (EnvScope scope = EnvironmentOverlay.open(Map.of("TABLE", "orders"));
 *      EnvScope.Binding b = scope.bind()) {
 *     assert System.getenv("TABLE").equals("orders");
 * }
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class EnvScope implements AutoCloseable {

    private final EnvScope parent;
    private volatile Map<String, String> values;
    private volatile boolean closed;
    private final boolean counted;

    EnvScope(EnvScope parent, Map<String, String> values, boolean counted) {
        this.parent = parent;
        this.values = copy(values);
        this.counted = counted;
    }

    /** A layer on top of this one; closing it does not close this scope. */
    public EnvScope child(Map<String, String> overrides) {
        return new EnvScope(this, overrides, false);
    }

    /** Replaces this layer's values at once, for every thread bound to it. */
    public void replace(Map<String, String> newValues) {
        this.values = copy(newValues);
    }

    /** Binds the calling thread (and threads it starts later) to this scope until the binding is closed. */
    public Binding bind() {
        EnvScope previous = EnvironmentOverlay.current();
        EnvironmentOverlay.setCurrent(this);
        Thread owner = Thread.currentThread();
        return () -> {
            if (Thread.currentThread() == owner) {
                EnvironmentOverlay.setCurrent(previous);
            }
        };
    }

    /** Whether this scope, or any scope below it, was closed. */
    public boolean isClosed() {
        return closed || (parent != null && parent.isClosed());
    }

    /** The simulated variables of all layers, lowest first; {@code null} values hide real ones. */
    public Map<String, String> effectiveOverrides() {
        Map<String, String> merged = parent == null ? new HashMap<>() : new HashMap<>(parent.effectiveOverrides());
        merged.putAll(values);
        return merged;
    }

    /** Fast path for {@code getenv(name)}: {@code MISSING} when no layer decides the name. */
    Object get(Object name) {
        for (EnvScope s = this; s != null; s = s.parent) {
            Map<String, String> v = s.values;
            String value = v.get(name);
            if (value != null || v.containsKey(name)) {
                return value;
            }
        }
        return MISSING;
    }

    static final Object MISSING = new Object();

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (counted) {
            EnvironmentOverlay.release();
        }
    }

    private static Map<String, String> copy(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        return Collections.unmodifiableMap(new HashMap<>(values));
    }

    /** Undoes {@link #bind()} on the thread that made it. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }
}

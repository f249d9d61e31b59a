package dev.lambdakit.env.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;

/**
 * One layer of simulated environment variables, seen through {@link System#getenv} by the threads bound to it.
 *
 * <p>A root scope is a whole environment, as a Lambda function's process has one: a name it does not hold is absent,
 * whatever the JVM's real environment says. Scopes stack: a child layer (for example one invocation's
 * {@code _X_AMZN_TRACE_ID}) falls back to its parent; a {@code null} value hides a name. A closed scope is ignored
 * everywhere, so a thread that inherited it and outlived its test follows {@link EnvironmentOverlay}'s rule for
 * threads with no scope, never a stale simulated environment.
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
    private final AtomicBoolean closed = new AtomicBoolean();
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
        if (counted) {
            EnvironmentOverlay.scopesChanged();
        }
    }

    /** This layer's own values. */
    Map<String, String> values() {
        return values;
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
        return closed.get() || (parent != null && parent.isClosed());
    }

    /** The variables every layer gives, as {@code System.getenv()} shows them to a thread bound here. */
    public Map<String, String> variables() {
        Map<String, String> all = new HashMap<>(effectiveOverrides());
        all.values().removeIf(Objects::isNull);
        return all;
    }

    /** The simulated variables of all layers, lowest first; {@code null} values hide names. */
    public Map<String, String> effectiveOverrides() {
        Map<String, String> merged = parent == null ? new HashMap<>() : new HashMap<>(parent.effectiveOverrides());
        merged.putAll(values);
        return merged;
    }

    /** Fast path for {@code getenv(name)}: the root layer decides every name it does not hold (absent). */
    String get(Object name) {
        for (EnvScope s = this; s != null; s = s.parent) {
            Map<String, String> v = s.values;
            String value = v.get(name);
            if (value != null || v.containsKey(name)) {
                return value;
            }
        }
        return null;
    }

    /** Closes the scope once; a second close, from any thread, does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && counted) {
            EnvironmentOverlay.release(this);
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

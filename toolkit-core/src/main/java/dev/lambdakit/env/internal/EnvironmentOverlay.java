package dev.lambdakit.env.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Per-thread environment variables for {@link System#getenv}, with no JVM flag.
 *
 * <p>Java offers no way to change the environment of the running JVM: the map behind {@code System.getenv} is
 * unmodifiable and its module is closed to reflection. {@code sun.misc.Unsafe} (module {@code jdk.unsupported}, open
 * to all) can still swap the inner map of that unmodifiable wrapper. This class puts in a map that answers from the
 * calling thread's {@link EnvScope}, then puts the original map back when the last scope closes. Child threads
 * inherit their parent's scope.
 *
 * <p>A thread with no open scope (a pool's worker, a library's event loop, a thread that outlived its test) cannot be
 * tied to a function. While every open scope holds the same variables (one function environment, the sequential case
 * of most suites) such a thread sees that environment too, as every thread of a Lambda process does. Otherwise it
 * sees the real environment without any AWS identity: no developer credentials, profile or region, from any thread,
 * while a function runs. Processes the JVM starts meanwhile inherit what such a thread sees ({@link
 * NativeEnvironment}).
 */
@API(status = INTERNAL, since = "0.1")
public final class EnvironmentOverlay {

    private static final InheritableThreadLocal<EnvScope> CURRENT = new InheritableThreadLocal<>();
    private static final Object LOCK = new Object();
    private static final List<EnvScope> OPEN = new ArrayList<>();
    private static Access access;
    /** What a thread with no open scope sees while the overlay is installed; recomputed as scopes change. */
    private static volatile EnvScope unbound;

    private EnvironmentOverlay() {}

    /**
     * Opens a scope with these variables ({@code null} values hide real ones). The overlay is installed on the
     * first open scope and removed when the last one closes.
     *
     * @throws IllegalStateException when this JVM refuses the swap; the message names the fix
     */
    public static EnvScope open(Map<String, String> variables) {
        synchronized (LOCK) {
            EnvScope scope = new EnvScope(null, variables, true);
            if (OPEN.isEmpty()) {
                access().install();
            }
            OPEN.add(scope);
            scopesChanged();
            return scope;
        }
    }

    /** Whether the overlay is in place now (some scope is open). */
    public static boolean isInstalled() {
        synchronized (LOCK) {
            return !OPEN.isEmpty();
        }
    }

    static void release(EnvScope scope) {
        synchronized (LOCK) {
            if (OPEN.remove(scope) && OPEN.isEmpty()) {
                unbound = null;
                NativeEnvironment.apply(access.original, access.original);
                access.uninstall();
            } else {
                scopesChanged();
            }
        }
    }

    /** Recomputes what threads with no open scope see: the one environment all open scopes agree on, or none. */
    static void scopesChanged() {
        synchronized (LOCK) {
            if (OPEN.isEmpty()) {
                return;
            }
            Map<String, String> first = OPEN.get(0).values();
            boolean agree = OPEN.stream().allMatch(s -> s.values().equals(first));
            unbound = agree ? OPEN.get(0) : new EnvScope(null, CredentialSandbox.sanitized(access.original), false);
            NativeEnvironment.apply(unbound.variables(), access.original);
        }
    }

    /** Whether the calling thread runs inside an open function environment scope. */
    public static boolean inScope() {
        EnvScope scope = CURRENT.get();
        return scope != null && !scope.isClosed();
    }

    /** A variable of the JVM's real environment, whatever the calling thread's scope says. */
    public static String realVariable(String name) {
        synchronized (LOCK) {
            return access != null ? access.original.get(name) : System.getenv(name);
        }
    }

    /**
     * The environment for processes LambdaKit itself starts (an emulator, a package install): the JVM's real
     * variables without AWS identity, whatever function runs.
     */
    public static Map<String, String> hostEnvironment() {
        synchronized (LOCK) {
            return CredentialSandbox.sanitized(access != null ? access.original : System.getenv());
        }
    }

    static EnvScope current() {
        return CURRENT.get();
    }

    static void setCurrent(EnvScope scope) {
        if (scope == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(scope);
        }
    }

    private static Access access() {
        if (access == null) {
            access = new Access();
        }
        return access;
    }

    /** The map put inside {@code System.getenv()}'s unmodifiable wrapper. */
    private static final class OverlayMap extends AbstractMap<String, String> {
        private final Map<String, String> real;

        OverlayMap(Map<String, String> real) {
            this.real = real;
        }

        /** The calling thread's open scope, else the one for threads with none; null only while uninstalling. */
        private static EnvScope scope() {
            EnvScope scope = CURRENT.get();
            return scope == null || scope.isClosed() ? unbound : scope;
        }

        @Override
        public String get(Object key) {
            EnvScope scope = scope();
            return scope != null ? scope.get(key) : real.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public String getOrDefault(Object key, String defaultValue) {
            String value = get(key);
            return value != null ? value : defaultValue;
        }

        /** A consistent copy for this thread; built per call, so only bulk views pay for it. */
        private Map<String, String> view() {
            EnvScope scope = scope();
            return scope == null ? real : scope.variables();
        }

        @Override
        public int size() {
            return view().size();
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, String>> iterator() {
                    Iterator<Entry<String, String>> it = view().entrySet().iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Entry<String, String> next() {
                            Entry<String, String> e = it.next();
                            return new SimpleImmutableEntry<>(e.getKey(), e.getValue());
                        }
                    };
                }

                @Override
                public int size() {
                    return view().size();
                }
            };
        }
    }

    /** The Unsafe-based swap, found once. */
    private static final class Access {
        private final Object wrapper;
        private final long innerOffset;
        private final long[] viewCacheOffsets;
        /** The JVM's variables at the first install, copied: the JDK's own map is a live view of its start-up copy. */
        private final Map<String, String> original;
        /** The map the wrapper held, put back on uninstall. */
        private final Map<String, String> originalInner;

        @SuppressWarnings("unchecked")
        Access() {
            wrapper = System.getenv();
            String os = System.getProperty("os.name", "").toLowerCase();
            if (os.startsWith("windows")) {
                throw new IllegalStateException("Per-test environment variables are not supported on Windows, where "
                        + "System.getenv(String) reads a second, case-insensitive map. Run the function in a forked "
                        + "runtime instead.");
            }
            try {
                Class<?> wrapperClass = Class.forName("java.util.Collections$UnmodifiableMap");
                if (wrapper.getClass() != wrapperClass) {
                    throw new IllegalStateException(
                            "System.getenv() is a " + wrapper.getClass().getName()
                                    + ", not the java.util.Collections$UnmodifiableMap this JVM was expected to use");
                }
                innerOffset = JdkFields.offset(wrapperClass, "m");
                String[] viewFields = {"keySet", "entrySet", "values"};
                viewCacheOffsets = new long[viewFields.length];
                for (int i = 0; i < viewFields.length; i++) {
                    viewCacheOffsets[i] = JdkFields.offset(wrapperClass, viewFields[i]);
                }
                originalInner = (Map<String, String>) JdkFields.get(wrapper, innerOffset);
                original = Map.copyOf(originalInner);
            } catch (IllegalStateException e) {
                throw e;
            } catch (ReflectiveOperationException | RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new IllegalStateException(
                        "This JVM refused to let LambdaKit give each test its own environment "
                                + "variables (" + cause
                                + "). LambdaKit uses sun.misc.Unsafe from module jdk.unsupported; "
                                + "if the JVM runs with --sun-misc-unsafe-memory-access=deny, change it to 'warn' or 'allow' "
                                + "(for example in the argLine of maven-surefire-plugin), or use the forked runtime.",
                        e);
            }
        }

        void install() {
            swap(new OverlayMap(original));
        }

        void uninstall() {
            swap(originalInner);
        }

        private void swap(Map<String, String> inner) {
            try {
                JdkFields.put(wrapper, innerOffset, inner);
                for (long offset : viewCacheOffsets) {
                    JdkFields.put(wrapper, offset, null);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Could not swap the environment map: " + e, e);
            }
        }
    }
}

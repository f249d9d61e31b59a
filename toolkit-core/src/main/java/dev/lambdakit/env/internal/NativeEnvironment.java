package dev.lambdakit.env.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The environment that processes started from the JVM inherit, kept equal to what {@link EnvironmentOverlay} shows
 * threads with no function scope: while one function environment is open, that function's variables; while several
 * disagree, the real ones without AWS identity; otherwise the real ones.
 *
 * <p>Two copies decide what a child process gets. {@code new ProcessBuilder(..).start()} and {@code Runtime.exec}
 * pass the C library's {@code environ}, which Java cannot change: a small JNI library (Linux, x86_64 and aarch64,
 * built by {@code src/main/native/build.sh}) swaps in a whole new array, so a process being started on another
 * thread never reads a half-edited one. {@code ProcessBuilder.environment()} starts from a map the JDK copied at
 * start-up ({@code ProcessEnvironment.theEnvironment}), swapped here through {@code sun.misc.Unsafe} as {@link
 * EnvironmentOverlay} swaps its own map. Where the library cannot load (another OS,
 * musl), processes keep the real environment and {@link #unavailableReason()} says why.
 */
@API(status = INTERNAL, since = "0.1")
public final class NativeEnvironment {

    private static final String LIBRARY = "liblambdakit-env.so";
    private static String unavailable;
    private static boolean loaded;
    private static JdkCopy jdkCopy;
    /** What the process environment holds now, as far as this class changed it. */
    private static Map<String, String> applied;

    private NativeEnvironment() {}

    /**
     * Makes {@code count} entries ({@code NAME=value}, each ended by a NUL) the C library's environment, swapping in
     * a new array. One byte block per call keeps the native side to a copy and a compare.
     */
    private static native int replace(byte[] entries, int count);

    private static final Charset NATIVE = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    /** The block for the JVM's own variables, put back every time the last function closes. */
    private static byte[] realBlock;

    /**
     * Makes the process environment equal {@code target}; {@code real} is the JVM's environment at start-up, what it
     * holds before the first call.
     */
    static synchronized void apply(Map<String, String> target, Map<String, String> real) {
        if (applied == null) {
            applied = new HashMap<>(real);
        }
        if (applied.equals(target)) {
            return;
        }
        if (!load()) {
            warnOnce();
            return;
        }
        boolean toReal = target.equals(real);
        if (toReal && realBlock == null) {
            realBlock = block(real);
        }
        if (replace(toReal ? realBlock : block(target), target.size()) == 0) {
            applied = toReal ? real : new HashMap<>(target);
        }
        if (jdkCopy != null) {
            jdkCopy.replaceWith(target.equals(real) ? null : target);
        }
    }

    private static boolean warned;

    /** Says once, where a function first runs, that its processes will see this JVM's variables. */
    private static void warnOnce() {
        if (!warned) {
            warned = true;
            System.err.println("LAMBDAKIT WARNING: " + unavailable + ". Processes a function starts in this JVM get "
                    + "the JVM's environment variables, AWS keys included, and outlive it; Execution.FORKED gives them "
                    + "the function's environment and ends them with it.");
        }
    }

    private static byte[] block(Map<String, String> variables) {
        StringBuilder text = new StringBuilder(variables.size() * 48);
        variables.forEach(
                (name, value) -> text.append(name).append('=').append(value).append('\0'));
        return text.toString().getBytes(NATIVE);
    }

    /** Why child processes keep the real environment, or null when they follow the function's. */
    public static synchronized String unavailableReason() {
        load();
        return unavailable;
    }

    private static boolean load() {
        if (loaded || unavailable != null) {
            return loaded;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String platform = arch.contains("aarch64") || arch.contains("arm64") ? "linux-aarch64" : "linux-x86_64";
        if (!os.contains("linux") || !(arch.contains("64"))) {
            unavailable = "LambdaKit sets the environment of child processes on 64-bit Linux only (this is " + os + ", "
                    + arch + ")";
            return false;
        }
        URL url = NativeEnvironment.class.getResource("native/" + platform + "/" + LIBRARY);
        try (InputStream in = Objects.requireNonNull(url, "resource missing").openStream()) {
            Path target = ScratchFolder.get().resolve(LIBRARY);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            System.load(target.toString());
            loaded = true;
        } catch (IOException | RuntimeException | LinkageError e) {
            unavailable = "LambdaKit could not load its library for child processes' environment (" + e + ")";
            return false;
        }
        try {
            jdkCopy = new JdkCopy();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // environ still follows; only ProcessBuilder.environment() keeps the start-up copy
            unavailable = "ProcessBuilder.environment() keeps the JVM's start-up variables (" + e + ")";
        }
        return true;
    }

    /**
     * The JDK's start-up copy behind {@code ProcessBuilder.environment()}: a static HashMap of private key/value types.
     * The field is pointed at a new map rather than the map edited, because the original also backs {@code
     * System.getenv()} outside function scopes and a concurrent {@code environment()} call clones it.
     */
    private static final class JdkCopy {
        private final JdkFields.Static field;
        private final Object original;
        private final Class<?> variable;
        private final Class<?> value;
        private final long strOffset;
        private final long bytesOffset;
        private final Charset charset;

        JdkCopy() throws ReflectiveOperationException {
            field = JdkFields.staticField("java.lang.ProcessEnvironment", "theEnvironment");
            original = field.get();
            if (!(original instanceof HashMap)) {
                throw new IllegalStateException("ProcessEnvironment.theEnvironment is " + original);
            }
            variable = Class.forName("java.lang.ProcessEnvironment$Variable");
            value = Class.forName("java.lang.ProcessEnvironment$Value");
            Class<?> data = Class.forName("java.lang.ProcessEnvironment$ExternalData");
            strOffset = JdkFields.offset(data, "str");
            bytesOffset = JdkFields.offset(data, "bytes");
            charset = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        }

        private final Lazy lazy = new Lazy();

        /** Points the field at {@code target}'s variables, or back at the JDK's own map for null. */
        void replaceWith(Map<String, String> target) {
            lazy.target = target;
            try {
                field.set(target == null ? original : lazy);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Could not update ProcessBuilder's environment: " + e, e);
            }
        }

        /**
         * What the field holds while a function runs. The JDK only ever clones it ({@code environment()}), so the
         * private key and value objects are built then, per {@code ProcessBuilder}, not on every scope change.
         */
        private final class Lazy extends HashMap<Object, Object> {
            private static final long serialVersionUID = 1L;
            private transient volatile Map<String, String> target;

            @Override
            public Object clone() {
                Map<String, String> now = target;
                HashMap<Object, Object> copy = new HashMap<>();
                try {
                    for (Map.Entry<String, String> e : (now != null ? now : Map.<String, String>of()).entrySet()) {
                        copy.put(external(variable, e.getKey()), external(value, e.getValue()));
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Could not build ProcessBuilder's environment: " + e, e);
                }
                return copy;
            }
        }

        /** A {@code Variable} or {@code Value}: allocated without a constructor, its two fields set. */
        private Object external(Class<?> type, String text) throws ReflectiveOperationException {
            Object o = JdkFields.call("allocateInstance", new Class<?>[] {Class.class}, type);
            JdkFields.put(o, strOffset, text);
            JdkFields.put(o, bytesOffset, text.getBytes(charset));
            return o;
        }
    }
}

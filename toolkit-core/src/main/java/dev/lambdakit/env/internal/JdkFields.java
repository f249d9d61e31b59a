package dev.lambdakit.env.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * JDK-private fields, read and written through {@code sun.misc.Unsafe} (module {@code jdk.unsupported}, open to all)
 * where {@code java.base} is closed to reflection: the environment map behind {@code System.getenv()}, the start-up
 * copy behind {@code ProcessBuilder.environment()}, the JDK's list of the processes it started. Each use names its
 * field and falls back or explains when a JVM refuses.
 *
 * <pre>{@code
 * JdkFields.Static started = JdkFields.staticField("java.lang.ProcessHandleImpl", "completions");
 * Map<?, ?> live = (Map<?, ?>) started.get();
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class JdkFields {

    private static Object unsafe;
    /** Unsafe's methods by name: each name is used with one signature here. */
    private static final Map<String, Method> METHODS = new ConcurrentHashMap<>();

    private JdkFields() {}

    /** The {@code sun.misc.Unsafe} instance. */
    public static synchronized Object unsafe() throws ReflectiveOperationException {
        if (unsafe == null) {
            Field theUnsafe = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            unsafe = theUnsafe.get(null);
        }
        return unsafe;
    }

    /** Calls {@code Unsafe.<name>} with these arguments, whose classes give the method's parameter types. */
    public static Object call(String name, Class<?>[] types, Object... args) throws ReflectiveOperationException {
        Method m = METHODS.get(name);
        if (m == null) { // looked up once: swaps run on every function scope change
            m = Class.forName("sun.misc.Unsafe").getMethod(name, types);
            METHODS.put(name, m);
        }
        try {
            return m.invoke(unsafe(), args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // what the JVM refused with, such as UnsupportedOperationException under "deny"
            }
            throw e;
        }
    }

    /** A static field of a JDK class. */
    public static Static staticField(String className, String fieldName) throws ReflectiveOperationException {
        Field field = Class.forName(className).getDeclaredField(fieldName);
        Object base = call("staticFieldBase", new Class<?>[] {Field.class}, field);
        long offset = (long) call("staticFieldOffset", new Class<?>[] {Field.class}, field);
        return new Static(base, offset);
    }

    /** The offset of an instance field, for {@link #get} and {@link #put}. */
    public static long offset(Class<?> owner, String fieldName) throws ReflectiveOperationException {
        return (long) call("objectFieldOffset", new Class<?>[] {Field.class}, owner.getDeclaredField(fieldName));
    }

    /** Reads a reference field, with volatile semantics. */
    public static Object get(Object holder, long offset) throws ReflectiveOperationException {
        return call("getObjectVolatile", new Class<?>[] {Object.class, long.class}, holder, offset);
    }

    /** Writes a reference field, with volatile semantics. */
    public static void put(Object holder, long offset, Object value) throws ReflectiveOperationException {
        call("putObjectVolatile", new Class<?>[] {Object.class, long.class, Object.class}, holder, offset, value);
    }

    /** A static field located by its base object and offset. */
    public record Static(Object base, long offset) {
        public Object get() throws ReflectiveOperationException {
            return JdkFields.get(base, offset);
        }

        public void set(Object value) throws ReflectiveOperationException {
            JdkFields.put(base, offset, value);
        }
    }
}

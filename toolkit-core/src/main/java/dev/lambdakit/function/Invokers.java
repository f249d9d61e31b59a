package dev.lambdakit.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.lambdakit.events.EventJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** The runtime's adapters from each accepted handler shape to bytes in, bytes out. */
final class Invokers {

    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final String INTERNAL_PREFIX = Invokers.class.getName();

    private Invokers() {}

    /** Calls a POJO handler with its input (or null) and context. */
    @FunctionalInterface
    interface Call {
        Object call(Object input, Context context) throws Throwable;
    }

    static boolean isVoid(Type type) {
        return type == void.class || type == Void.class;
    }

    /** Calls {@code m} on {@code target} with the parameters its shape asks for. */
    static Call methodCall(Method m, Object target, boolean takesInput, boolean takesContext) {
        MethodHandle mh = unreflect(m, target);
        if (takesInput && takesContext) {
            return mh::invoke;
        }
        if (takesInput) {
            return (input, ctx) -> mh.invoke(input);
        }
        if (takesContext) {
            return (input, ctx) -> mh.invoke(ctx);
        }
        return (input, ctx) -> mh.invoke();
    }

    private static MethodHandle unreflect(Method m, Object target) {
        try {
            m.trySetAccessible();
            MethodHandle mh = MethodHandles.publicLookup().unreflect(m);
            if (!Modifier.isStatic(m.getModifiers())) {
                mh = mh.bindTo(target);
            }
            return mh.asType(mh.type().generic().changeReturnType(Object.class));
        } catch (IllegalAccessException e) {
            // Public methods of non-public classes: fall back to reflection, as the runtime does.
            return reflective(m, target);
        }
    }

    private static MethodHandle reflective(Method m, Object target) {
        m.setAccessible(true);
        try {
            MethodHandle mh = MethodHandles.lookup().unreflect(m);
            if (!Modifier.isStatic(m.getModifiers())) {
                mh = mh.bindTo(target);
            }
            return mh.asType(mh.type().generic().changeReturnType(Object.class));
        } catch (IllegalAccessException e) {
            throw new HandlerFault(
                    "Handler method " + m + " is not accessible: " + e.getMessage(),
                    e.getClass().getName(),
                    null,
                    false,
                    "make the handler class and method public",
                    e);
        }
    }

    /**
     * Cuts each stack trace at the first LambdaKit frame, recursively, as the runtime cuts at its own package.
     */
    static <T extends Throwable> T filter(T t) {
        filter(t, new HashSet<>());
        return t;
    }

    private static void filter(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        StackTraceElement[] trace = t.getStackTrace();
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getClassName().startsWith(INTERNAL_PREFIX)) {
                t.setStackTrace(Arrays.copyOf(trace, i));
                break;
            }
        }
        filter(t.getCause(), seen);
        for (Throwable s : t.getSuppressed()) {
            filter(s, seen);
        }
    }

    /** A {@code RequestStreamHandler}: raw bytes in, whatever it writes out. */
    record Stream(RequestStreamHandler handler) implements ResolvedHandler {
        @Override
        public void handle(byte[] input, ByteArrayOutputStream output, Context context) throws Throwable {
            try {
                handler.handleRequest(new ByteArrayInputStream(input), output, context);
            } catch (Throwable t) {
                throw filter(t);
            }
        }

        @Override
        public Class<?> handlerClass() {
            return handler.getClass();
        }
    }

    /** A method taking some of (InputStream, OutputStream, Context). */
    static final class StreamMethod implements ResolvedHandler {
        private final Class<?> cls;
        private final MethodHandle mh;
        private final boolean in;
        private final boolean out;
        private final boolean ctx;

        StreamMethod(Class<?> cls, Method m, Object target, boolean in, boolean out, boolean ctx) {
            this.cls = cls;
            this.mh = unreflect(m, target);
            this.in = in;
            this.out = out;
            this.ctx = ctx;
        }

        @Override
        public void handle(byte[] input, ByteArrayOutputStream output, Context context) throws Throwable {
            Object[] args = new Object[(in ? 1 : 0) + (out ? 1 : 0) + (ctx ? 1 : 0)];
            int i = 0;
            if (in) {
                args[i++] = new ByteArrayInputStream(input);
            }
            if (out) {
                args[i++] = output;
            }
            if (ctx) {
                args[i] = context;
            }
            try {
                mh.invokeWithArguments(args);
            } catch (Throwable t) {
                throw filter(t);
            }
        }

        @Override
        public Class<?> handlerClass() {
            return cls;
        }
    }

    /** A POJO handler: JSON in and out through the runtime's serializers. */
    static final class Pojo implements ResolvedHandler {
        private final Class<?> cls;
        private final PojoSerializer<Object> inputSerializer;
        private final PojoSerializer<Object> outputSerializer;
        private final Call call;

        Pojo(Class<?> cls, Type inputType, Type outputType, Call call, boolean voidOutput) {
            this.cls = cls;
            ClassLoader loader =
                    cls.getClassLoader() != null ? cls.getClassLoader() : ClassLoader.getSystemClassLoader();
            // The runtime builds both serializers at init, so their cost lands in the init duration.
            this.inputSerializer = inputType == null ? null : EventJson.create(inputType, loader);
            this.outputSerializer = voidOutput ? null : EventJson.create(outputType, loader);
            this.call = call;
        }

        @Override
        public void handle(byte[] input, ByteArrayOutputStream output, Context context) throws Throwable {
            Object in;
            try {
                in = inputSerializer == null ? null : inputSerializer.fromJson(new ByteArrayInputStream(input));
            } catch (Throwable t) {
                throw filter(new RuntimeException("An error occurred during JSON parsing", filter(t)));
            }
            Object result;
            try {
                result = call.call(in, context);
            } catch (Throwable t) {
                throw filter(t);
            }
            try {
                if (outputSerializer == null) {
                    output.write(JSON_NULL);
                } else {
                    outputSerializer.toJson(result, output);
                }
            } catch (Throwable t) {
                throw filter(new RuntimeException("An error occurred during JSON serialization of response", t));
            }
        }

        @Override
        public Class<?> handlerClass() {
            return cls;
        }
    }
}

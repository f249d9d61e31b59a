package dev.lambdakit.function.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.lambdakit.events.EventJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** The runtime's adapters from each accepted handler shape to bytes in, bytes out. */
final class Invokers {

    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private Invokers() {}

    /** Calls a POJO handler with its input (or null) and context. */
    @FunctionalInterface
    interface Call {
        Object call(Object input, Context context) throws Throwable;
    }

    static boolean isVoid(Type type) {
        return type == void.class || type == Void.class;
    }

    /**
     * Calls {@code m} on {@code target} with the parameters its shape asks for, through reflection as the official
     * runtime client does, so that a failure's stack trace shows the same frames.
     */
    static Call methodCall(Method m, Object target, boolean takesInput, boolean takesContext) {
        accessible(m);
        return (input, ctx) -> {
            Object[] args;
            if (takesInput && takesContext) {
                args = new Object[] {input, ctx};
            } else if (takesInput) {
                args = new Object[] {input};
            } else if (takesContext) {
                args = new Object[] {ctx};
            } else {
                args = new Object[0];
            }
            return call(m, target, args);
        };
    }

    private static Object call(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() != null ? e.getCause() : e;
        }
    }

    private static void accessible(Method m) {
        if (!Modifier.isPublic(m.getDeclaringClass().getModifiers()) || !Modifier.isPublic(m.getModifiers())) {
            try {
                m.setAccessible(true); // public methods of non-public classes, as the runtime allows
            } catch (RuntimeException e) {
                throw new HandlerFault(
                        "Handler method " + m + " is not accessible: " + e.getMessage(),
                        e.getClass().getName(),
                        null,
                        "make the handler class and method public",
                        e);
            }
        }
    }

    static <T extends Throwable> T filter(T t) {
        return UserFrames.filter(t);
    }

    /** A {@code RequestStreamHandler}: raw bytes in, whatever it writes out. */
    record Stream(RequestStreamHandler handler) implements ResolvedHandler {
        @Override
        public Object instance() {
            return handler;
        }

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
        private final Method method;
        private final Object target;
        private final boolean in;
        private final boolean out;
        private final boolean ctx;

        StreamMethod(Class<?> cls, Method m, Object target, boolean in, boolean out, boolean ctx) {
            this.cls = cls;
            accessible(m);
            this.method = m;
            this.target = target;
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
                call(method, target, args);
            } catch (Throwable t) {
                throw filter(t);
            }
        }

        @Override
        public Object instance() {
            return target;
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
        private final Object instance;

        Pojo(Class<?> cls, Object instance, Type inputType, Type outputType, Call call, boolean voidOutput) {
            this.instance = instance;
            this.cls = cls;
            // The function's class loader, as the runtime's: the environment's (set as the context loader of the
            // thread that resolves handlers), which also sees a custom serializer registered beside a handler class
            // the environment shares with the test.
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = cls.getClassLoader() != null ? cls.getClassLoader() : ClassLoader.getSystemClassLoader();
            }
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
        public Object instance() {
            return instance;
        }

        @Override
        public Class<?> handlerClass() {
            return cls;
        }
    }
}

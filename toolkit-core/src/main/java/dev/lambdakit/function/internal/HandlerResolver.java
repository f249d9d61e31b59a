package dev.lambdakit.function.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdakit.function.HandlerReference;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Loads a handler with the Java runtime interface client's rules (aws-lambda-java-runtime-interface-client 2.x):
 * the same accepted classes and signatures, the same overload priority, and the same error messages, plus a hint of
 * LambdaKit's own where the runtime's message leaves a user guessing.
 *
 * <pre>{@code
 * ResolvedHandler h = HandlerResolver.resolve(HandlerReference.of("pkg.Orders::create"), loader);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class HandlerResolver {

    private static final Comparator<Method> PRIORITY = Comparator.comparing(Method::isBridge)
            .thenComparing(Comparator.comparingInt(HandlerResolver::weight).reversed());

    private HandlerResolver() {}

    /**
     * Resolves and instantiates the handler. Run it where init runs: static initialisers and constructors execute
     * here.
     *
     * @return the handler; for faults the runtime defers to invocation time, a handler failing every call
     * @throws HandlerFault for init errors (a throwing static initialiser or constructor)
     */
    public static ResolvedHandler resolve(HandlerReference reference, ClassLoader loader) {
        if (reference.factory().isPresent()) {
            return resolveInstance(reference, loader);
        }
        String cls = reference.className().orElseThrow();
        String method = reference.methodName().orElse(null);
        if (cls.isEmpty() || (method != null && method.isEmpty())) {
            return failing(
                    new HandlerFault(
                            "Invalid handler: `" + reference.handlerString() + "'",
                            null,
                            null,
                            "write 'pkg.Class' or 'pkg.Class::method'",
                            null),
                    null);
        }
        Class<?> handlerClass;
        try {
            handlerClass = Class.forName(cls, true, loader);
        } catch (ClassNotFoundException e) {
            return failing(
                    new HandlerFault(
                            "Class not found: " + cls, e.getClass().getName(), null, classNotFoundHint(cls, loader), e),
                    null);
        } catch (NoClassDefFoundError e) {
            return failing(
                    new HandlerFault(
                            "Error loading class " + cls + messageSuffix(e),
                            e.getClass().getName(),
                            null,
                            "a class the handler needs is missing from the classpath",
                            e),
                    null);
        } catch (Throwable e) {
            throw new HandlerFault(
                    "Error loading class " + cls + messageSuffix(e),
                    e.getClass().getName(),
                    trace(e),
                    "the class's static initialisation threw; see the cause",
                    e);
        }
        return method == null ? resolveClass(handlerClass, null) : resolveMethod(handlerClass, method, null);
    }

    private static ResolvedHandler resolveInstance(HandlerReference reference, ClassLoader loader) {
        Object instance;
        try {
            instance = reference.factory().orElseThrow().get();
        } catch (Throwable t) {
            throw new HandlerFault(
                    messageOf(t), t.getClass().getName(), trace(t), "the handler factory threw during init", t);
        }
        if (instance == null) {
            throw new HandlerFault(
                    "Handler factory returned null",
                    NullPointerException.class.getName(),
                    null,
                    "the factory given for the handler must return an instance",
                    null);
        }
        Optional<String> method = reference.methodName();
        return method.isPresent()
                ? resolveMethod(instance.getClass(), method.get(), instance)
                : resolveClass(instance.getClass(), instance);
    }

    private static ResolvedHandler resolveClass(Class<?> cls, Object instance) {
        if (RequestStreamHandler.class.isAssignableFrom(cls)) {
            Object handler = instance != null ? instance : construct(cls);
            if (handler instanceof ResolvedHandler failing) {
                return failing;
            }
            return new Invokers.Stream((RequestStreamHandler) handler);
        }
        if (RequestHandler.class.isAssignableFrom(cls)) {
            Type[] params = TypeArguments.of(cls, RequestHandler.class);
            if (params == null) {
                return failing(
                        new HandlerFault(
                                "Class " + cls.getName()
                                        + " does not implement RequestHandler with concrete type parameters",
                                null,
                                null,
                                "declare it as RequestHandler<InputType, OutputType>",
                                null),
                        cls);
            }
            for (Type t : params) {
                if (TypeArguments.isUnbounded(t)) {
                    return failing(
                            new HandlerFault(
                                    "Class " + cls.getName()
                                            + " does not implement RequestHandler with concrete type parameters: parameter "
                                            + t
                                            + " has no upper bound.",
                                    null,
                                    null,
                                    "replace the type variable with a concrete type",
                                    null),
                            cls);
                }
            }
            Object handler = instance != null ? instance : construct(cls);
            if (handler instanceof ResolvedHandler failing) {
                return failing;
            }
            @SuppressWarnings("unchecked")
            RequestHandler<Object, Object> rh = (RequestHandler<Object, Object>) handler;
            return new Invokers.Pojo(
                    cls,
                    rh,
                    TypeArguments.erase(params[0]),
                    TypeArguments.erase(params[1]),
                    (input, ctx) -> rh.handleRequest(input, ctx),
                    Invokers.isVoid(params[1]));
        }
        return failing(
                new HandlerFault(
                        "Class does not implement an appropriate handler interface: " + cls.getName(),
                        null,
                        null,
                        "implement RequestHandler<I, O> or RequestStreamHandler, or " + "name a method: '"
                                + cls.getName() + "::method'; " + candidateHint(cls, null),
                        null),
                cls);
    }

    private static ResolvedHandler resolveMethod(Class<?> cls, String name, Object instance) {
        Method[] all;
        try {
            all = cls.getMethods();
        } catch (NoClassDefFoundError e) {
            return failing(
                    new HandlerFault(
                            "Error loading method " + name + " on class " + cls.getName(),
                            e.getClass().getName(),
                            trace(e),
                            "a class in a method signature is missing",
                            e),
                    cls);
        }
        List<Method> named = new ArrayList<>();
        for (Method m : all) {
            if (m.getName().equals(name)) {
                named.add(m);
            }
        }
        named.sort(PRIORITY);
        for (Method m : named) {
            Optional<MethodShape> shape = MethodShape.of(m);
            if (shape.isPresent()) {
                Object target = instance;
                if (target == null && !Modifier.isStatic(m.getModifiers())) {
                    Object made = construct(cls);
                    if (made instanceof ResolvedHandler failing) {
                        return failing;
                    }
                    target = made;
                }
                return shape.get().bind(cls, m, target);
            }
        }
        return failing(
                new HandlerFault(
                        "No public method named " + name + " with appropriate method signature found on class "
                                + cls.getName(),
                        null,
                        null,
                        candidateHint(cls, name),
                        null),
                cls);
    }

    /** A new instance, or a failing handler for the non-fatal construction faults. */
    private static Object construct(Class<?> cls) {
        Constructor<?> ctor;
        try {
            ctor = cls.getConstructor();
        } catch (NoSuchMethodException e) {
            String msg = cls.getEnclosingClass() != null && !Modifier.isStatic(cls.getModifiers())
                    ? "Class " + cls.getName() + " cannot be instantiated because it is a non-static inner class"
                    : "Class " + cls.getName() + " has no public zero-argument constructor";
            return failing(
                    new HandlerFault(
                            msg,
                            Exception.class.getName(),
                            null,
                            "add a public no-argument constructor, make the method static, or pass a ready instance",
                            e),
                    cls);
        }
        try {
            return ctor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new HandlerFault(
                    messageOf(cause),
                    cause.getClass().getName(),
                    trace(cause),
                    "the handler's constructor threw",
                    cause);
        } catch (ReflectiveOperationException e) {
            throw new HandlerFault(
                    messageOf(e), e.getClass().getName(), trace(e), "the handler class could not be instantiated", e);
        }
    }

    private static ResolvedHandler failing(HandlerFault fault, Class<?> cls) {
        return new ResolvedHandler() {
            @Override
            public void handle(byte[] input, ByteArrayOutputStream output, Context context) {
                throw fault;
            }

            @Override
            public Class<?> handlerClass() {
                return cls;
            }
        };
    }

    private static int weight(Method m) {
        Class<?>[] p = m.getParameterTypes();
        return p.length + (p.length > 0 && p[p.length - 1] == Context.class ? 1 : 0);
    }

    private static String candidateHint(Class<?> cls, String name) {
        List<String> candidates = Arrays.stream(cls.getMethods())
                .filter(m -> m.getDeclaringClass() != Object.class)
                .filter(m -> name == null
                        || m.getName().equals(name)
                        || MethodShape.of(m).isPresent())
                .map(HandlerResolver::describe)
                .sorted()
                .collect(Collectors.toList());
        String accepted = "; accepted parameter lists are (InputStream, OutputStream, Context), "
                + "(InputStream, OutputStream), (OutputStream, Context), (InputStream, Context), (InputStream), "
                + "(OutputStream), (Context), (T, Context), (T) and ()";
        return candidates.isEmpty()
                ? "the class has no public methods" + accepted
                : "public methods of " + cls.getSimpleName() + ": " + candidates + accepted;
    }

    private static String describe(Method m) {
        return m.getName()
                + Arrays.stream(m.getParameterTypes())
                        .map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", "(", ")"))
                + (Modifier.isStatic(m.getModifiers()) ? " static" : "");
    }

    private static String classNotFoundHint(String cls, ClassLoader loader) {
        int dot = cls.lastIndexOf('.');
        if (dot > 0) {
            String nested = cls.substring(0, dot) + "$" + cls.substring(dot + 1);
            try {
                Class.forName(nested, false, loader);
                return "a nested class is named with '$' in handler strings: did you mean '" + nested + "'?";
            } catch (ClassNotFoundException | LinkageError ignored) {
                // not a nested class either
            }
        }
        return "is the class on the test classpath, spelled with its package?";
    }

    static String messageOf(Throwable t) {
        return t.getLocalizedMessage() == null ? t.getClass().getName() : t.getLocalizedMessage();
    }

    private static String messageSuffix(Throwable t) {
        return t.getMessage() == null ? "" : ": " + t.getMessage();
    }

    static List<String> trace(Throwable t) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement e : t.getStackTrace()) {
            frames.add(e.toString());
        }
        return frames;
    }

    /** Which accepted signature a method has, if any; the runtime's order of checks. */
    private enum MethodShape {
        NONE(false, false, false, false),
        IN(true, false, false, false),
        OUT(false, true, false, false),
        CTX(false, false, true, false),
        IN_OUT(true, true, false, false),
        IN_CTX(true, false, true, false),
        OUT_CTX(false, true, true, false),
        IN_OUT_CTX(true, true, true, false),
        POJO(false, false, false, true),
        POJO_CTX(false, false, true, true);

        final boolean in;
        final boolean out;
        final boolean ctx;
        final boolean pojo;

        MethodShape(boolean in, boolean out, boolean ctx, boolean pojo) {
            this.in = in;
            this.out = out;
            this.ctx = ctx;
            this.pojo = pojo;
        }

        static Optional<MethodShape> of(Method m) {
            Class<?>[] p = m.getParameterTypes();
            switch (p.length) {
                case 0:
                    return Optional.of(NONE);
                case 1:
                    if (p[0] == InputStream.class) {
                        return Optional.of(IN);
                    }
                    if (p[0] == OutputStream.class) {
                        return Optional.of(OUT);
                    }
                    return Optional.of(p[0] == Context.class ? CTX : POJO);
                case 2:
                    if (p[0] == OutputStream.class) {
                        return p[1] == Context.class ? Optional.of(OUT_CTX) : Optional.empty();
                    }
                    if (p[0] == Context.class) {
                        return Optional.empty();
                    }
                    if (p[0] == InputStream.class) {
                        if (p[1] == OutputStream.class) {
                            return Optional.of(IN_OUT);
                        }
                        return p[1] == Context.class ? Optional.of(IN_CTX) : Optional.empty();
                    }
                    return p[1] == Context.class ? Optional.of(POJO_CTX) : Optional.empty();
                case 3:
                    return p[0] == InputStream.class && p[1] == OutputStream.class && p[2] == Context.class
                            ? Optional.of(IN_OUT_CTX)
                            : Optional.empty();
                default:
                    return Optional.empty();
            }
        }

        ResolvedHandler bind(Class<?> cls, Method m, Object target) {
            if (!pojo && (in || out)) {
                return new Invokers.StreamMethod(cls, m, target, in, out, ctx);
            }
            Type inputType = pojo ? m.getGenericParameterTypes()[0] : null;
            Type outputType = m.getGenericReturnType();
            return new Invokers.Pojo(
                    cls,
                    target,
                    inputType,
                    outputType,
                    Invokers.methodCall(m, target, pojo, ctx),
                    Invokers.isVoid(outputType));
        }
    }
}

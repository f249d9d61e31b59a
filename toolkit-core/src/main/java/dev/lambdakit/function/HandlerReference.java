package dev.lambdakit.function;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Where a function's handler comes from: a handler string as in Lambda's configuration, a class, or a factory of
 * ready instances (for unit tests that pass mocks in).
 *
 * <p>Handler strings follow the Java runtime's rules: {@code pkg.Class} (a {@code RequestHandler} or
 * {@code RequestStreamHandler}) or {@code pkg.Class::method}, split on the last {@code ::}.
 *
 * <pre>{@code
 * HandlerReference.of("com.acme.Orders::create");
 * HandlerReference.of(OrdersHandler.class);
 * HandlerReference.ofInstance(() -> new OrdersHandler(mockDynamo), "create");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HandlerReference {

    private final String handlerString;
    private final String className;
    private final String methodName;
    private final Supplier<?> factory;

    private HandlerReference(String handlerString, String className, String methodName, Supplier<?> factory) {
        this.handlerString = handlerString;
        this.className = className;
        this.methodName = methodName;
        this.factory = factory;
    }

    /**
     * Parses a handler string. A string with an empty class or method part is kept: the runtime accepts the
     * configuration and fails each invocation with {@code Invalid handler}, and so does LambdaKit.
     *
     * @throws LambdaConfigurationException when the string is null, blank or longer than Lambda's 128 characters
     */
    public static HandlerReference of(String handler) {
        if (handler == null || handler.isBlank()) {
            throw new LambdaConfigurationException(
                    "handler",
                    "handler must not be blank; expected 'pkg.Class' "
                            + "(a RequestHandler or RequestStreamHandler) or 'pkg.Class::method'");
        }
        if (handler.length() > 128) {
            throw new LambdaConfigurationException(
                    "handler",
                    "handler must be at most 128 characters (Lambda's " + "limit), but was " + handler.length() + ": '"
                            + handler + "'");
        }
        int sep = handler.lastIndexOf("::");
        String cls = sep < 0 ? handler : handler.substring(0, sep);
        String method = sep < 0 ? null : handler.substring(sep + 2);
        return new HandlerReference(handler, cls, method, null);
    }

    /** A handler class: it must implement {@code RequestHandler} or {@code RequestStreamHandler}. */
    public static HandlerReference of(Class<?> handlerClass) {
        Objects.requireNonNull(handlerClass, "handlerClass");
        return new HandlerReference(handlerClass.getName(), handlerClass.getName(), null, null);
    }

    /** A method of a handler class, as {@code pkg.Class::method} would name it. */
    public static HandlerReference of(Class<?> handlerClass, String methodName) {
        Objects.requireNonNull(handlerClass, "handlerClass");
        Objects.requireNonNull(methodName, "methodName");
        return of(handlerClass.getName() + "::" + methodName);
    }

    /**
     * Instances made by {@code factory}: called once per execution environment (so a cold start builds a fresh
     * one), on the environment's init. The instance must implement {@code RequestHandler} or
     * {@code RequestStreamHandler}; use {@link #ofInstance(Supplier, String)} to name a method instead.
     */
    public static HandlerReference ofInstance(Supplier<?> factory) {
        Objects.requireNonNull(factory, "factory");
        return new HandlerReference(null, null, null, factory);
    }

    /** Instances made by {@code factory}, invoked through the named public method. */
    public static HandlerReference ofInstance(Supplier<?> factory, String methodName) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(methodName, "methodName");
        return new HandlerReference(null, null, methodName, factory);
    }

    /** The class part of the handler string; empty for instance handlers. */
    public Optional<String> className() {
        return Optional.ofNullable(className);
    }

    /** The method part ({@code ::method}), if any. */
    public Optional<String> methodName() {
        return Optional.ofNullable(methodName);
    }

    /** The factory of ready instances, if this is an instance handler. */
    public Optional<Supplier<?>> factory() {
        return Optional.ofNullable(factory);
    }

    /**
     * The value of {@code _HANDLER}: the handler string, or for an instance handler the class of an instance
     * (known only after init) and so a placeholder here.
     */
    public String handlerString() {
        if (handlerString != null) {
            return handlerString;
        }
        return "<instance>" + (methodName == null ? "" : "::" + methodName);
    }

    @Override
    public String toString() {
        return handlerString();
    }
}

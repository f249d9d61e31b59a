package dev.lambdakit.junit;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdakit.cloud.RealAwsGuard;
import dev.lambdakit.function.Architecture;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.function.HandlerReference;
import dev.lambdakit.function.LambdaConfigurationException;
import dev.lambdakit.replay.ReplayMode;
import dev.lambdakit.runtime.LambdaFunction;
import dev.lambdakit.template.SamTemplate;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * The engine behind {@link LambdaTest}: one {@link LambdaFunction} per test method, kept in the method's store (so
 * JUnit closes it when the test ends), with the test thread bound to its environment for the test's duration.
 */
final class LambdaExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(LambdaExtension.class);
    private static final String FUNCTION = "function";
    private static final String INTEGRATION = "integration";

    @Override
    public void beforeEach(ExtensionContext context) {
        JupiterVersion.check();
        // Registered through @Event alone, the extension only loads files: no function without @LambdaTest.
        Optional<LambdaTest> annotation = annotation(context);
        if (annotation.isPresent()) {
            Integration.open(context, annotation.get())
                    .ifPresent(i -> context.getStore(NAMESPACE).put(INTEGRATION, i));
            function(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Integration integration = context.getStore(NAMESPACE).get(INTEGRATION, Integration.class);
        if (integration != null && !integration.replayMismatches().isEmpty()) {
            throw new AssertionError("The replay had no recorded interaction for "
                    + integration.replayMismatches().size() + " request(s):\n  "
                    + String.join("\n  ", integration.replayMismatches()) + "\nRe-record with -D"
                    + ReplayMode.PROPERTY + "=record");
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return parameter.isAnnotated(Event.class)
                || type == LambdaFunction.class
                || type == Context.class
                || Integration.isIntegrationParameter(parameter.getParameter());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        if (parameter.isAnnotated(Event.class)) {
            Event event = parameter.findAnnotation(Event.class).orElseThrow();
            return EventFiles.load(
                    event.value(),
                    parameter.getParameter().getParameterizedType(),
                    extension.getRequiredTestClass().getClassLoader(),
                    Placeholders.of(configIfPresent(extension), event.placeholders()));
        }
        if (extension.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException(
                    "A " + parameter.getParameter().getType().getSimpleName()
                            + " can only be injected into test methods and @BeforeEach/@AfterEach methods, since each test "
                            + "gets its own function; it was asked for in " + parameter.getDeclaringExecutable());
        }
        if (Integration.isIntegrationParameter(parameter.getParameter())) {
            Integration integration = extension.getStore(NAMESPACE).get(INTEGRATION, Integration.class);
            if (integration == null) {
                throw new ParameterResolutionException(
                        "A " + parameter.getParameter().getType().getSimpleName()
                                + " parameter needs @LambdaTest on the test or its class, which opens the backend");
            }
            return integration.resolve(parameter.getIndex(), parameter.getParameter());
        }
        LambdaFunction function = function(extension);
        return parameter.getParameter().getType() == LambdaFunction.class ? function : function.newContext();
    }

    @SuppressWarnings("deprecation") // getOrComputeIfAbsent: computeIfAbsent exists only from JUnit 6
    private static LambdaFunction function(ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        FUNCTION, key -> FunctionResource.open(withIntegration(context)), FunctionResource.class)
                .function;
    }

    /** The annotation's configuration plus the backend's endpoints, fixture names and the real-AWS opt-in. */
    private static FunctionConfig withIntegration(ExtensionContext context) {
        FunctionConfig base = config(context);
        Integration integration = context.getStore(NAMESPACE).get(INTEGRATION, Integration.class);
        boolean allowReal = GuardExtension.allowsRealAws(context);
        if (integration == null && !allowReal) {
            return base;
        }
        FunctionConfig.Builder builder = base.toBuilder();
        if (integration != null) {
            builder.env(integration.environment);
        }
        if (allowReal) {
            builder.env(RealAwsGuard.OPT_IN_VARIABLE, "true");
        }
        return builder.build();
    }

    /** The method's {@code @LambdaTest}, else its class's, else that of the nearest enclosing class ({@code @Nested}). */
    private static Optional<LambdaTest> annotation(ExtensionContext context) {
        Optional<LambdaTest> found =
                context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, LambdaTest.class));
        for (Class<?> c = context.getRequiredTestClass(); found.isEmpty() && c != null; c = c.getEnclosingClass()) {
            found = AnnotationSupport.findAnnotation(c, LambdaTest.class);
        }
        return found;
    }

    /** {@code @LambdaHandler} methods of the test class, else of the nearest enclosing class that has one. */
    private static List<Method> factories(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            List<Method> found =
                    AnnotationSupport.findAnnotatedMethods(c, LambdaHandler.class, HierarchyTraversalMode.TOP_DOWN);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** The function and the test thread's binding to its environment, closed together when the test ends. */
    private static final class FunctionResource extends StoreResource {
        final LambdaFunction function;
        final LambdaFunction.EnvironmentBinding binding;

        private FunctionResource(LambdaFunction function) {
            this.function = function;
            this.binding = function.bindEnvironment();
        }

        static FunctionResource open(FunctionConfig config) {
            return new FunctionResource(LambdaFunction.create(config));
        }

        @Override
        protected void release() {
            try {
                binding.close();
            } finally {
                function.close();
            }
        }
    }

    /** A container needs Testcontainers and a Docker engine: fail, or skip where the test opted in. */
    private static void requireDocker(LambdaTest annotation, Class<?> testClass) {
        String owner = "@LambdaTest on " + testClass.getName();
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, LambdaExtension.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ExtensionConfigurationException(owner + ": execution = CONTAINER starts the container through "
                    + "Testcontainers; add org.testcontainers:testcontainers as a test dependency");
        }
        if (!dev.lambdakit.cloud.LocalStackBackend.dockerAvailable()) {
            String why = "execution = CONTAINER needs a Docker engine, and none answers here";
            if (annotation.disabledWithoutDocker()) {
                throw new org.opentest4j.TestAbortedException(
                        "Skipped: " + why + " (disabledWithoutDocker = true on " + owner + ")");
            }
            throw new ExtensionConfigurationException(owner + ": " + why + ". Start a Docker engine, or set "
                    + "disabledWithoutDocker = true on the annotation to skip such tests where none runs.");
        }
    }

    /** The test's function settings, when it has a {@code @LambdaTest}. */
    static Optional<FunctionConfig> configIfPresent(ExtensionContext context) {
        return annotation(context).isPresent() ? Optional.of(config(context)) : Optional.empty();
    }

    static FunctionConfig config(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Optional<Method> method = context.getTestMethod();
        LambdaTest annotation = annotation(context)
                .orElseThrow(() -> new ExtensionConfigurationException(
                        "No @LambdaTest found on " + testClass.getName() + " or its test method"));
        if (annotation.execution() == dev.lambdakit.function.Execution.CONTAINER) {
            requireDocker(annotation, testClass);
        }
        FunctionConfig.Builder builder;
        if (annotation.template().isEmpty()) {
            builder = FunctionConfig.builder()
                    .handler(handler(annotation, testClass, context))
                    .memoryMb(annotation.memoryMb())
                    .timeout(Durations.parse("timeout", annotation.timeout()))
                    .region(annotation.region())
                    .architecture(annotation.architecture());
        } else {
            builder = fromTemplate(annotation, testClass, context);
        }
        builder.execution(annotation.execution()).hostVariables(annotation.hostEnv());
        if (!annotation.functionName().isEmpty()) {
            builder.functionName(annotation.functionName());
        }
        if (!annotation.runtime().isEmpty()) {
            builder.runtime(annotation.runtime());
        }
        if (annotation.seed() != 0) {
            builder.seed(annotation.seed());
        }
        builder.env(environment(testClass, method));
        try {
            return builder.build();
        } catch (LambdaConfigurationException e) {
            throw new ExtensionConfigurationException(
                    "Invalid @LambdaTest configuration on " + testClass.getName()
                            + method.map(m -> "#" + m.getName()).orElse("") + ": " + e.getMessage(),
                    e);
        }
    }

    /** The template's function, with the annotation's non-default attributes over it. */
    private static FunctionConfig.Builder fromTemplate(
            LambdaTest annotation, Class<?> testClass, ExtensionContext context) {
        String owner = "@LambdaTest on " + testClass.getName();
        SamTemplate template =
                TemplateFiles.load(annotation.template(), annotation.parameters(), annotation.region(), owner);
        FunctionConfig.Builder builder =
                TemplateFiles.function(template, annotation.function(), owner).config().toBuilder();
        boolean handlerGiven = !annotation.handler().isEmpty()
                || annotation.handlerClass() != void.class
                || !factories(testClass).isEmpty();
        if (handlerGiven) {
            builder.handler(handler(annotation, testClass, context));
        }
        if (annotation.memoryMb() != 128) {
            builder.memoryMb(annotation.memoryMb());
        }
        if (!annotation.timeout().equals("3s")) {
            builder.timeout(Durations.parse("timeout", annotation.timeout()));
        }
        if (annotation.architecture() != Architecture.X86_64) {
            builder.architecture(annotation.architecture());
        }
        return builder;
    }

    private static HandlerReference handler(LambdaTest annotation, Class<?> testClass, ExtensionContext context) {
        List<String> given = new ArrayList<>();
        if (!annotation.handler().isEmpty()) {
            given.add("handler = \"" + annotation.handler() + "\"");
        }
        if (annotation.handlerClass() != void.class) {
            given.add("handlerClass = " + annotation.handlerClass().getSimpleName() + ".class");
        }
        List<Method> factories = factories(testClass);
        factories.forEach(m -> given.add("@LambdaHandler " + m.getName() + "()"));
        if (given.size() != 1) {
            throw new ExtensionConfigurationException("@LambdaTest on " + testClass.getName() + " needs exactly one "
                    + "handler: set handler = \"pkg.Class::method\", or handlerClass = Handler.class, or annotate one "
                    + "no-argument method of the test class with @LambdaHandler"
                    + (given.isEmpty() ? "" : "; found " + given.size() + ": " + given));
        }
        if (!annotation.handler().isEmpty()) {
            try {
                return HandlerReference.of(annotation.handler());
            } catch (LambdaConfigurationException e) {
                throw new ExtensionConfigurationException(
                        "Invalid @LambdaTest handler on " + testClass.getName() + ": " + e.getMessage(), e);
            }
        }
        if (annotation.handlerClass() != void.class) {
            return HandlerReference.of(annotation.handlerClass());
        }
        Method factory = factories.get(0);
        if (factory.getParameterCount() != 0
                || factory.getReturnType() == void.class
                || Modifier.isPrivate(factory.getModifiers())) {
            throw new ExtensionConfigurationException("@LambdaHandler method " + testClass.getSimpleName() + "."
                    + factory.getName() + " must take no parameters, return the handler instance and not be private");
        }
        boolean isStatic = Modifier.isStatic(factory.getModifiers());
        Class<?> owner = factory.getDeclaringClass();
        // Looked up when the handler is built, not now: @EventSource reads the configuration before any instance.
        Supplier<?> supplier = () -> {
            try {
                Object instance = isStatic
                        ? null
                        : context.getRequiredTestInstances()
                                .findInstance(owner)
                                .orElseThrow(() -> new ExtensionConfigurationException("No instance of "
                                        + owner.getName() + " to call @LambdaHandler " + factory.getName() + "() on"));
                factory.setAccessible(true);
                return factory.invoke(instance);
            } catch (ReflectiveOperationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        };
        String methodName = factory.getAnnotation(LambdaHandler.class).method();
        return methodName.isEmpty()
                ? HandlerReference.ofInstance(supplier)
                : HandlerReference.ofInstance(supplier, methodName);
    }

    /** Class-level {@code @Env} values (outermost class first), then the method's, later ones winning. */
    private static Map<String, String> environment(Class<?> testClass, Optional<Method> method) {
        Map<String, String> vars = new LinkedHashMap<>();
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            classes.add(0, c);
        }
        for (Class<?> c : classes) {
            AnnotationSupport.findRepeatableAnnotations(c, Env.class).forEach(e -> vars.put(e.name(), e.value()));
        }
        method.ifPresent(m ->
                AnnotationSupport.findRepeatableAnnotations(m, Env.class).forEach(e -> vars.put(e.name(), e.value())));
        return vars;
    }
}

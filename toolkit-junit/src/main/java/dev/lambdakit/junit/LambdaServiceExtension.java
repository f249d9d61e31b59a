package dev.lambdakit.junit;

import dev.lambdakit.cloud.AwsBackend;
import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.cloud.BackendKind;
import dev.lambdakit.cloud.Backends;
import dev.lambdakit.cloud.TemplateResources;
import dev.lambdakit.cloud.TestResources;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.function.LambdaConfigurationException;
import dev.lambdakit.server.HttpFront;
import dev.lambdakit.server.LambdaService;
import dev.lambdakit.server.TemplateApplication;
import dev.lambdakit.server.internal.Closeables;
import dev.lambdakit.template.SamTemplate;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** Starts a {@link LambdaServiceTest}'s service once per test class and injects its client, service and URI. */
final class LambdaServiceExtension implements BeforeAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(LambdaServiceExtension.class);
    private static final String RUNNING = "running";
    /** Environments a template's function may run at once, as {@link LambdaServiceTest.Function#concurrency()}. */
    private static final int DEFAULT_CONCURRENCY = 10;

    /** The running service, front, backend fixtures and client: closed together after the class. */
    private static final class Running extends StoreResource {
        LambdaService service;
        HttpFront front;
        TestResources resources;
        AutoCloseable client;
        /** A template's functions, routes and queue pollers; owns the service and front when set. */
        TemplateApplication application;

        Duration slowest = Duration.ofSeconds(3);

        /** Closes the client, the front, the service and the fixtures in that order, each even if one before failed. */
        @Override
        protected void release() throws Exception {
            if (application != null) {
                Closeables.closeAll(client, application, resources);
            } else {
                Closeables.closeAll(client, front, service, resources);
            }
        }
    }

    @Override
    @SuppressWarnings("deprecation") // getOrComputeIfAbsent: computeIfAbsent exists only from JUnit 6
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).getOrComputeIfAbsent(RUNNING, k -> start(context), Running.class);
    }

    private static Running start(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        LambdaServiceTest annotation = AnnotationSupport.findAnnotation(testClass, LambdaServiceTest.class)
                .orElseThrow();
        Running running = new Running();
        Map<String, String> endpoints = new LinkedHashMap<>();
        if (annotation.services().length > 0) {
            var services = List.of(annotation.services());
            AwsBackend backend = BackendGate.open(
                    BackendKind.resolve(annotation.backend()),
                    services,
                    annotation.disabledWithoutDocker(),
                    "@LambdaServiceTest on " + testClass.getName());
            endpoints.putAll(Backends.environment(backend, services));
            running.resources = new TestResources(backend);
        }
        LambdaService.Builder builder = LambdaService.builder();
        for (LambdaServiceTest.Function f : annotation.functions()) {
            try {
                FunctionConfig.Builder config = FunctionConfig.builder()
                        .functionName(f.name())
                        .handler(f.handler())
                        .memoryMb(f.memoryMb())
                        .timeout(Durations.parse("timeout", f.timeout()))
                        .execution(f.execution())
                        .env(endpoints);
                for (Env variable : f.env()) {
                    config.env(variable.name(), variable.value());
                }
                FunctionConfig built = config.build();
                if (built.timeout().compareTo(running.slowest) > 0) {
                    running.slowest = built.timeout();
                }
                builder.function(built, f.concurrency());
            } catch (LambdaConfigurationException e) {
                throw new ExtensionConfigurationException(
                        "Invalid function '" + f.name() + "' in @LambdaServiceTest " + "on " + testClass.getName()
                                + ": " + e.getMessage(),
                        e);
            }
        }
        if (!annotation.template().isEmpty()) {
            if (annotation.functions().length > 0) {
                throw new ExtensionConfigurationException("@LambdaServiceTest on " + testClass.getName()
                        + " declares functions and a template: serve the template's functions, or declare them all");
            }
            startTemplate(annotation, testClass, endpoints, running);
        } else if (annotation.functions().length == 0) {
            throw new ExtensionConfigurationException("@LambdaServiceTest on " + testClass.getName()
                    + " serves no function: declare functions = @Function(...) or give a template");
        } else {
            running.service = builder.start();
        }
        if (running.application != null && !annotation.httpFront().isEmpty()) {
            throw new ExtensionConfigurationException("@LambdaServiceTest on " + testClass.getName()
                    + ": with a template, the HTTP front follows its Api and HttpApi events; leave httpFront out");
        }
        if (!annotation.httpFront().isEmpty()) {
            running.front =
                    HttpFront.start(running.service.function(annotation.httpFront()), annotation.payloadFormat());
        }
        return running;
    }

    private static void startTemplate(
            LambdaServiceTest annotation, Class<?> testClass, Map<String, String> endpoints, Running running) {
        String owner = "@LambdaServiceTest on " + testClass.getName();
        SamTemplate template =
                TemplateFiles.load(annotation.template(), annotation.parameters(), annotation.region(), owner);
        if (running.resources != null) {
            TemplateResources.create(template, running.resources, List.of(annotation.services()));
        }
        for (String name : template.functionNames()) {
            Duration timeout =
                    TemplateFiles.function(template, name, owner).config().timeout();
            if (timeout.compareTo(running.slowest) > 0) {
                running.slowest = timeout;
            }
        }
        try {
            running.application = TemplateApplication.builder(template)
                    .env(endpoints)
                    .resources(List.of(annotation.services()).contains(AwsService.SQS) ? running.resources : null)
                    .concurrency(DEFAULT_CONCURRENCY)
                    .start();
        } catch (LambdaConfigurationException e) {
            throw new ExtensionConfigurationException(owner + ": " + e.getMessage(), e);
        }
        running.service = running.application.service();
        running.front = running.application.front().orElse(null);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == LambdaService.class
                || type == TemplateApplication.class
                || type == URI.class
                || type == TestResources.class
                || type.getName().equals("software.amazon.awssdk.services.lambda.LambdaClient");
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        Running running = extension.getStore(NAMESPACE).get(RUNNING, Running.class);
        if (running == null) {
            running = extension
                    .getParent()
                    .map(p -> p.getStore(NAMESPACE).get(RUNNING, Running.class))
                    .orElse(null);
        }
        if (running == null) {
            throw new ParameterResolutionException("The Lambda service is not running for " + parameter);
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == LambdaService.class) {
            return running.service;
        }
        if (type == TemplateApplication.class) {
            if (running.application == null) {
                throw new ParameterResolutionException("A TemplateApplication parameter needs a template on "
                        + "@LambdaServiceTest: template = \"template.yaml\"");
            }
            return running.application;
        }
        if (type == URI.class) {
            if (running.front == null) {
                throw new ParameterResolutionException("A URI parameter is the HTTP front's base URI; set httpFront "
                        + "on @LambdaServiceTest to the function it should call");
            }
            return running.front.uri();
        }
        if (type == TestResources.class) {
            if (running.resources == null) {
                throw new ParameterResolutionException("TestResources need services on @LambdaServiceTest");
            }
            return running.resources;
        }
        synchronized (running) {
            if (running.client == null) {
                running.client = LambdaClients.create(running.service.endpoint(), running.slowest);
            }
            return running.client;
        }
    }
}

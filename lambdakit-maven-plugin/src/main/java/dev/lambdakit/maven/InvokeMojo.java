package dev.lambdakit.maven;

import dev.lambdakit.cloud.ServiceUnavailableException;
import dev.lambdakit.function.Execution;
import dev.lambdakit.function.LambdaConfigurationException;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import dev.lambdakit.template.SamTemplate;
import dev.lambdakit.template.TemplateFunction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Invokes one function of the template once, as {@code sam local invoke} does, and prints the function's log (the
 * platform's START, END and REPORT lines included) and then its response: {@code mvn lambdakit:invoke
 * -Dfunction=CreateOrderFunction -Devent=events/order.json}, or {@code -Devent.type=sqs} for a generated event.
 */
@Mojo(name = "invoke", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class InvokeMojo extends TemplateMojo {

    /** The function's logical id; may be left out when the template has one function. */
    @Parameter(property = "function")
    private String function;

    /** A JSON file holding the event, from the project's folder. */
    @Parameter(property = "event")
    private String event;

    /** A generated event instead of a file: see {@code lambdakit:generate-event}. */
    @Parameter(property = "event.type")
    private String eventType;

    /** AWS services for the template's resources: {@code auto}, {@code none} or names such as {@code DYNAMODB}. */
    @Parameter(property = "lambdakit.services", defaultValue = "none")
    private String services;

    @Override
    Execution defaultExecution() {
        return Execution.IN_PROCESS;
    }

    @Override
    public void execute() throws MojoExecutionException {
        SamTemplate loaded = loadTemplate();
        TemplateFunction target = function(loaded);
        byte[] payload = payload();
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(projectLoader());
        try (Backend backend = Backend.start(loaded, services, getLog()::info);
                LambdaFunction fn = LambdaFunction.create(target.config().toBuilder()
                        .env(backend.environment)
                        .execution(execution())
                        .build())) {
            // The function's log, the platform's lines included, has been printed as it ran; the response follows.
            InvocationResult<Object> result = fn.invoke(payload);
            System.out.println(new String(result.payload(), StandardCharsets.UTF_8));
            System.out.flush();
        } catch (IllegalArgumentException | IllegalStateException | ServiceUnavailableException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    private TemplateFunction function(SamTemplate loaded) throws MojoExecutionException {
        try {
            TemplateFunction found =
                    loaded.function(function == null || function.isBlank() ? loaded.onlyFunctionName() : function);
            if (!found.skipped().isEmpty()) {
                getLog().info(found.logicalId() + ": not simulated, skipped: " + String.join("; ", found.skipped()));
            }
            return found;
        } catch (LambdaConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private byte[] payload() throws MojoExecutionException {
        if (event != null && !event.isBlank() && eventType != null && !eventType.isBlank()) {
            throw new MojoExecutionException("Give -Devent=<file> or -Devent.type=<type>, not both");
        }
        if (event != null && !event.isBlank()) {
            Path file = project.getBasedir().toPath().resolve(event);
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot read the event file " + file + ": " + e, e);
            }
        }
        if (eventType != null && !eventType.isBlank()) {
            return GeneratedEvents.generate(eventType, System.getProperties()::getProperty)
                    .getBytes(StandardCharsets.UTF_8);
        }
        return "{}".getBytes(StandardCharsets.UTF_8);
    }
}

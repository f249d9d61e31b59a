package dev.lambdakit.maven;

import dev.lambdakit.server.TemplateApplication;
import dev.lambdakit.template.SamTemplate;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Serves the template's {@code Api} and {@code HttpApi} events on an HTTP port, as {@code sam local start-api}
 * does, from the project's classes and without Docker: {@code mvn lambdakit:start-api}, then {@code curl
 * http://127.0.0.1:3000/orders}. The Invoke API runs beside it.
 */
@Mojo(name = "start-api", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class StartApiMojo extends StartMojo {

    @Override
    int[] defaultPorts() {
        return new int[] {3000, 0};
    }

    @Override
    void check(SamTemplate template, TemplateApplication app) throws MojoExecutionException {
        if (app.front().isEmpty()) {
            throw new MojoExecutionException(template.source() + " declares no Api or HttpApi event, so there is no "
                    + "API to serve; lambdakit:start-lambda serves its functions through the Invoke API");
        }
    }
}

package dev.lambdakit.maven;

import dev.lambdakit.server.TemplateApplication;
import dev.lambdakit.template.SamTemplate;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Serves the template's functions through Lambda's Invoke API, as {@code sam local start-lambda} does, for the AWS
 * CLI and SDKs: {@code mvn lambdakit:start-lambda}, then {@code aws lambda invoke --endpoint-url
 * http://127.0.0.1:3001 --function-name CreateOrderFunction out.json}.
 */
@Mojo(name = "start-lambda", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class StartLambdaMojo extends StartMojo {

    @Override
    int[] defaultPorts() {
        return new int[] {0, 3001};
    }

    @Override
    void check(SamTemplate template, TemplateApplication app) {
        // every template with a function has an Invoke API
    }
}

package dev.lambdakit.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints an event as the service sends it, from LambdaKit's event builders: {@code mvn lambdakit:generate-event
 * -Dtype=sqs -Dbody=hello}. Options by type: {@code queue}, {@code topic}, {@code bucket}/{@code key}/{@code size},
 * {@code table}, {@code stream}/{@code partitionKey}, {@code method}/{@code path}, {@code source}/{@code
 * detailType}, {@code rule}; {@code body} for all that carry one. Needs no project.
 */
@Mojo(name = "generate-event", requiresProject = false, threadSafe = true)
public class GenerateEventMojo extends AbstractMojo {

    /** sqs, sns, s3, dynamodb, kinesis, apigateway, httpapi, eventbridge or schedule. */
    @Parameter(property = "type", required = true)
    private String type;

    @Override
    public void execute() throws MojoExecutionException {
        System.out.println(GeneratedEvents.generate(type, System.getProperties()::getProperty));
        System.out.flush();
    }
}

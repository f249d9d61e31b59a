package dev.lambdakit.maven;

import dev.lambdakit.function.Execution;
import dev.lambdakit.function.LambdaConfigurationException;
import dev.lambdakit.template.SamTemplate;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What the goals that run a template's functions share: the template, its parameters, the project's classes. */
abstract class TemplateMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true)
    private List<Artifact> pluginArtifacts;

    /** The SAM or CloudFormation template, from the project's folder. */
    @Parameter(property = "lambdakit.template", defaultValue = "template.yaml")
    protected String template;

    /** Values of the template's Parameters, {@code Name=value,Other=value}. */
    @Parameter(property = "lambdakit.parameters")
    protected List<String> parameters;

    @Parameter(property = "lambdakit.region", defaultValue = "us-east-1")
    protected String region;

    /**
     * Where the handler runs: {@code IN_PROCESS}, {@code IN_PROCESS_ISOLATED} or {@code FORKED}; by default {@code
     * IN_PROCESS} for one invocation and {@code IN_PROCESS_ISOLATED} for the servers, whose every cold start then
     * defines the project's classes and libraries anew, recompiled ones included.
     */
    @Parameter(property = "lambdakit.execution")
    protected String execution;

    /** The goal's execution when none is given. */
    abstract Execution defaultExecution();

    protected SamTemplate loadTemplate() throws MojoExecutionException {
        Path file = project.getBasedir().toPath().resolve(template);
        if (!Files.isRegularFile(file)) {
            throw new MojoExecutionException("No template at " + file + ": give its path from the project's folder "
                    + "with -Dlambdakit.template=... (a SAM template.yaml, or CDK's cdk.out/<Stack>.template.json)");
        }
        try {
            return SamTemplate.load(file)
                    .withRegion(region)
                    .withParameters(parameters == null ? List.of() : parameters);
        } catch (LambdaConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    protected Execution execution() throws MojoExecutionException {
        if (execution == null || execution.isBlank()) {
            return defaultExecution();
        }
        try {
            return Execution.valueOf(execution.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("-Dlambdakit.execution=" + execution + " is not one of "
                    + List.of(Execution.IN_PROCESS, Execution.IN_PROCESS_ISOLATED, Execution.FORKED));
        }
    }

    /**
     * The project's compiled classes and runtime libraries, over the plugin's own (LambdaKit and the Lambda Java
     * interfaces, which the function and the simulated runtime must share). Forked runtimes get the same as their
     * class path.
     */
    protected ClassLoader projectLoader() throws MojoExecutionException {
        List<String> elements = new ArrayList<>();
        try {
            elements.addAll(project.getRuntimeClasspathElements());
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The project's runtime class path is not resolved: " + e.getMessage(), e);
        }
        List<URL> urls = new ArrayList<>();
        for (String element : elements) {
            try {
                urls.add(new File(element).toURI().toURL());
            } catch (MalformedURLException e) {
                throw new MojoExecutionException("Class path entry " + element + " is not a file", e);
            }
        }
        List<String> forked = new ArrayList<>(elements);
        for (Artifact a : pluginArtifacts) {
            if (a.getFile() != null) {
                forked.add(a.getFile().getAbsolutePath());
            }
        }
        System.setProperty("lambdakit.forkedClassPath", String.join(File.pathSeparator, forked));
        return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
    }
}

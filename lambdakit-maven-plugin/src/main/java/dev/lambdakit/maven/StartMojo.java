package dev.lambdakit.maven;

import dev.lambdakit.cloud.ServiceUnavailableException;
import dev.lambdakit.function.Execution;
import dev.lambdakit.server.HttpRoute;
import dev.lambdakit.server.TemplateApplication;
import dev.lambdakit.template.SamTemplate;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Serves the whole template until Maven is stopped (Ctrl-C). It watches {@code target/classes}: after a recompile
 * ({@code mvn compile} in another terminal), every function starts cold at its next invocation, and under the
 * default {@code IN_PROCESS_ISOLATED} defines the project's classes anew from the recompiled files.
 */
abstract class StartMojo extends TemplateMojo {

    /** AWS services for the template's resources: {@code auto}, {@code none} or names such as {@code DYNAMODB,SQS}. */
    @Parameter(property = "lambdakit.services", defaultValue = "auto")
    private String services;

    /** Environments each function may run at once. */
    @Parameter(property = "lambdakit.concurrency", defaultValue = "10")
    private int concurrency;

    /** The HTTP front's port on 127.0.0.1 (0 for a free one); 3000 for start-api, a free one for start-lambda. */
    @Parameter(property = "lambdakit.apiPort")
    private Integer apiPort;

    /** The Invoke API's port on 127.0.0.1 (0 for a free one); 3001 for start-lambda, a free one for start-api. */
    @Parameter(property = "lambdakit.lambdaPort")
    private Integer lambdaPort;

    @Override
    Execution defaultExecution() {
        return Execution.IN_PROCESS_ISOLATED;
    }

    /** The goal's ports when none is given, as {@code sam local} numbers them: {API, Invoke API}. */
    abstract int[] defaultPorts();

    /** Refuses a template this goal cannot serve. */
    abstract void check(SamTemplate template, TemplateApplication app) throws MojoExecutionException;

    @Override
    public void execute() throws MojoExecutionException {
        long start = System.nanoTime();
        SamTemplate loaded = loadTemplate();
        Thread.currentThread().setContextClassLoader(projectLoader());
        Backend backend;
        TemplateApplication app;
        try {
            backend = Backend.start(loaded, services, this::say);
            app = TemplateApplication.builder(loaded)
                    .env(backend.environment)
                    .resources(backend.services.contains(dev.lambdakit.cloud.AwsService.SQS) ? backend.resources : null)
                    .execution(execution())
                    .concurrency(concurrency)
                    .apiPort(apiPort != null ? apiPort : defaultPorts()[0])
                    .lambdaPort(lambdaPort != null ? lambdaPort : defaultPorts()[1])
                    .start();
        } catch (IllegalArgumentException | IllegalStateException | ServiceUnavailableException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        try {
            check(loaded, app);
        } catch (MojoExecutionException e) {
            close(app, backend);
            throw e;
        }
        say("Functions: " + loaded.functionNames() + " (" + execution().name() + ")");
        app.mappings().forEach(m -> say("Polling: " + m));
        say("Invoke API on " + app.service().endpoint() + "  (aws lambda invoke --endpoint-url "
                + app.service().endpoint().toString().replaceAll("/$", "") + " --function-name <name> out.json)");
        app.front().ifPresent(front -> {
            for (HttpRoute route : front.routes()) {
                say("  " + route.routeKey() + " -> " + route.function().config().functionName());
            }
            say("API on " + front.uri());
        });
        watchClasses(app);
        say("Ready in " + (System.nanoTime() - start) / 1_000_000 + " ms; Ctrl-C stops");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            close(app, backend);
                            stopped.countDown();
                        },
                        "lambdakit-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(app, backend);
        }
    }

    /**
     * Watches the project's compiled classes: once a recompile has settled (unchanged for one more look), every
     * function starts cold at its next invocation and so runs the new classes.
     */
    private void watchClasses(TemplateApplication app) {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        Thread watcher = new Thread(
                () -> {
                    long seen = ClassesState.of(classes);
                    long pending = seen;
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            Thread.sleep(500);
                        } catch (InterruptedException e) {
                            return;
                        }
                        long now = ClassesState.of(classes);
                        if (now != seen && now == pending) {
                            seen = now;
                            app.coldStartAll();
                            say(classes + " changed: every function starts cold at its next invocation");
                        }
                        pending = now;
                    }
                },
                "lambdakit-classes-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void close(TemplateApplication app, Backend backend) {
        try {
            app.close();
        } catch (Exception e) {
            System.err.println("LambdaKit: stopping the template's service failed: " + e);
        }
        backend.close();
    }

    /** One line on standard output, flushed, so a terminal or a script sees it at once. */
    void say(String line) {
        System.out.println("[lambdakit] " + line);
        System.out.flush();
    }
}

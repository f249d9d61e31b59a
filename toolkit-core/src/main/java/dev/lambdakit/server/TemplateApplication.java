package dev.lambdakit.server;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.cloud.SqsEventSource;
import dev.lambdakit.cloud.TestResources;
import dev.lambdakit.events.EventJson;
import dev.lambdakit.events.internal.JsonText;
import dev.lambdakit.function.Execution;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.server.internal.Closeables;
import dev.lambdakit.server.internal.TemplateEvents;
import dev.lambdakit.template.SamTemplate;
import dev.lambdakit.template.TemplateEvent;
import dev.lambdakit.template.TemplateFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A whole template served locally: every function behind a {@link LambdaService} (the Invoke API), its {@code Api}
 * and {@code HttpApi} events as routes of one {@link HttpFront}, and, where a backend holds the template's queues,
 * its {@code SQS} events as event-source mappings polling them.
 *
 * <pre>{@code
 * try (TemplateApplication app = TemplateApplication.builder(SamTemplate.load(Path.of("template.yaml")))
 *         .apiPort(3000)
 *         .start()) {
 *     System.out.println("API on " + app.front().orElseThrow().uri() + ", Invoke API on " + app.service().endpoint());
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TemplateApplication implements AutoCloseable {

    private final LambdaService service;
    private final HttpFront front;
    private final List<AutoCloseable> mappings;
    private final List<String> mappingNames;
    private final Map<String, TemplateFunction> functions;

    private TemplateApplication(
            LambdaService service,
            HttpFront front,
            List<AutoCloseable> mappings,
            List<String> mappingNames,
            Map<String, TemplateFunction> functions) {
        this.service = service;
        this.front = front;
        this.mappings = mappings;
        this.mappingNames = List.copyOf(mappingNames);
        this.functions = functions;
    }

    public static Builder builder(SamTemplate template) {
        return new Builder(template);
    }

    /** The local Lambda service holding every function of the template. */
    public LambdaService service() {
        return service;
    }

    /** The HTTP front of the template's API events; empty when it declares none. */
    public Optional<HttpFront> front() {
        return Optional.ofNullable(front);
    }

    /** Each event-source mapping polling, as {@code Function <- queue}. */
    public List<String> mappings() {
        return mappingNames;
    }

    /**
     * The event one of the template's {@code S3}, {@code SNS}, {@code SQS}, {@code Schedule} or {@code
     * EventBridgeRule} events would deliver to its function, built from the event's properties.
     *
     * @param function the function's logical id
     * @param event the event's name under the function's {@code Events}
     * @param body the message (SQS, SNS), object key (S3) or detail JSON (EventBridge); null for a default
     * @throws IllegalArgumentException for an unknown function or event, or an event of another type
     */
    public String event(String function, String event, String body) {
        TemplateFunction declared = functions.get(function);
        if (declared == null) {
            throw new IllegalArgumentException(
                    "No function " + function + " in the template; its functions are " + functions.keySet());
        }
        TemplateEvent found = declared.events().get(event);
        if (found == null) {
            throw new IllegalArgumentException("Function " + function + " has no event " + event + "; its events are "
                    + declared.events().keySet());
        }
        return TemplateEvents.build(found, declared.config(), body);
    }

    /**
     * Delivers that event to the function, as the service would (S3, SNS and EventBridge invoke it asynchronously;
     * here the test gets the invocation's result), waiting for a free environment.
     */
    public InvocationResult<Object> fire(String function, String event, String body) {
        String json = event(function, event, body);
        FunctionPool pool = service.function(functions.get(function).config().functionName());
        return Builder.invokeWhenFree(pool, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Every function's environments start cold at their next invocation, loading the classes as they are then. */
    public void coldStartAll() {
        for (TemplateFunction function : functions.values()) {
            service.function(function.config().functionName()).coldStartAll();
        }
    }

    /** Stops polling, then the front, then the service. */
    @Override
    public void close() throws Exception {
        List<AutoCloseable> all = new ArrayList<>(mappings);
        all.add(front);
        all.add(service);
        Closeables.closeAll(all.toArray(AutoCloseable[]::new));
    }

    /** Configures a {@link TemplateApplication}. */
    public static final class Builder {
        private final SamTemplate template;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Execution execution;
        private TestResources resources;
        private int apiPort;
        private int lambdaPort;
        private int concurrency = 10;

        private Builder(SamTemplate template) {
            this.template = Objects.requireNonNull(template, "template");
        }

        /** Variables every function gets beside the template's, such as a backend's endpoints. */
        public Builder env(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /** Where every function runs, in place of each configuration's own. */
        public Builder execution(Execution execution) {
            this.execution = Objects.requireNonNull(execution, "execution");
            return this;
        }

        /** The backend's resources: the template's SQS events poll their queues there. */
        public Builder resources(TestResources resources) {
            this.resources = resources;
            return this;
        }

        /** The HTTP front's port on 127.0.0.1; 0 (the default) for a free one. */
        public Builder apiPort(int port) {
            this.apiPort = port;
            return this;
        }

        /** The Invoke API's port on 127.0.0.1; 0 (the default) for a free one. */
        public Builder lambdaPort(int port) {
            this.lambdaPort = port;
            return this;
        }

        /** Environments each function may run at once; 10 unless set. */
        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        public TemplateApplication start() {
            LambdaService.Builder service = LambdaService.builder().port(lambdaPort);
            Map<String, TemplateFunction> functions = new LinkedHashMap<>();
            for (String id : template.functionNames()) {
                TemplateFunction function = template.function(id);
                FunctionConfig.Builder config = function.config().toBuilder().env(environment);
                if (execution != null) {
                    config.execution(execution);
                }
                service.function(config.build(), concurrency);
                functions.put(id, function);
            }
            LambdaService started = service.start();
            HttpFront front = null;
            List<AutoCloseable> mappings = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try {
                List<HttpRoute> routes = HttpRoute.fromTemplate(template, started);
                front = routes.isEmpty() ? null : HttpFront.start(routes, apiPort);
                if (resources != null) {
                    for (TemplateFunction function : functions.values()) {
                        pollQueues(function, started, mappings, names);
                    }
                }
            } catch (RuntimeException e) {
                for (AutoCloseable c : mappings) {
                    closeQuietly(c, e);
                }
                closeQuietly(front, e);
                closeQuietly(started, e);
                throw e;
            }
            return new TemplateApplication(started, front, mappings, names, functions);
        }

        private void pollQueues(
                TemplateFunction function, LambdaService started, List<AutoCloseable> mappings, List<String> names) {
            FunctionPool pool = started.function(function.config().functionName());
            for (TemplateEvent event : function.events().values()) {
                if (!event.type().equals("SQS")) {
                    continue;
                }
                Map<String, Object> p = event.properties();
                String arn = String.valueOf(p.get("Queue"));
                String queueName = arn.substring(arn.lastIndexOf(':') + 1);
                String url =
                        resources.sqs().getQueueUrl(r -> r.queueName(queueName)).queueUrl();
                boolean report = p.get("FunctionResponseTypes") instanceof List<?> types
                        && types.contains("ReportBatchItemFailures");
                SqsEventSource.Builder source = SqsEventSource.builder(
                                sqsEvent -> invokeWhenFree(pool, EventJson.toEventJson(sqsEvent)),
                                function.config().timeout(),
                                resources.sqs(),
                                url)
                        .batchSize(
                                p.get("BatchSize") == null ? 10 : Integer.parseInt(String.valueOf(p.get("BatchSize"))))
                        .batchWindow(Duration.ofSeconds(
                                p.get("MaximumBatchingWindowInSeconds") == null
                                        ? 0
                                        : Long.parseLong(String.valueOf(p.get("MaximumBatchingWindowInSeconds")))))
                        .reportBatchItemFailures(report);
                if (p.get("FilterCriteria") instanceof Map<?, ?> criteria
                        && criteria.get("Filters") instanceof List<?> filters) {
                    for (Object f : filters) {
                        Object pattern = f instanceof Map<?, ?> m ? m.get("Pattern") : null;
                        if (pattern != null) {
                            source.filter(pattern instanceof String text ? text : JsonText.write(pattern));
                        }
                    }
                }
                String name = function.logicalId() + " <- " + queueName;
                mappings.add(source.build().start(function.logicalId() + "-" + event.name()));
                names.add(name);
            }
        }

        /** A poller waits for a free environment, as Lambda's scales down its polling when throttled. */
        static InvocationResult<Object> invokeWhenFree(FunctionPool pool, byte[] event) {
            while (true) {
                try {
                    return pool.invoke(event, null);
                } catch (FunctionPool.Throttled t) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw t;
                    }
                }
            }
        }

        private static void closeQuietly(AutoCloseable c, RuntimeException into) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                into.addSuppressed(e);
            }
        }
    }
}

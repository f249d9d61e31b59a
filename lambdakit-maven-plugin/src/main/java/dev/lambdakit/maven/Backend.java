package dev.lambdakit.maven;

import dev.lambdakit.cloud.AwsBackend;
import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.cloud.Backends;
import dev.lambdakit.cloud.EmbeddedBackend;
import dev.lambdakit.cloud.TemplateResources;
import dev.lambdakit.cloud.TestResources;
import dev.lambdakit.template.SamTemplate;
import dev.lambdakit.template.TemplateResource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The embedded backend for the template's buckets, queues and tables, started with a progress line, and the
 * variables that point the functions' SDK clients at it.
 */
final class Backend implements AutoCloseable {

    final Map<String, String> environment = new LinkedHashMap<>();
    final Set<AwsService> services;
    TestResources resources;

    private Backend(Set<AwsService> services) {
        this.services = services;
    }

    /**
     * @param setting {@code auto} (the services of the template's resources), {@code none}, or names such as {@code
     *     DYNAMODB,SQS}
     */
    static Backend start(SamTemplate template, String setting, Consumer<String> out) {
        Set<AwsService> wanted = EnumSet.noneOf(AwsService.class);
        String value = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        if (value.equals("auto")) {
            for (TemplateResource r : template.resources()) {
                switch (r.type()) {
                    case "AWS::S3::Bucket" -> wanted.add(AwsService.S3);
                    case "AWS::SQS::Queue" -> wanted.add(AwsService.SQS);
                    case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" -> wanted.add(AwsService.DYNAMODB);
                    default -> {
                        // topics and others: not on the embedded backend
                    }
                }
            }
        } else if (!value.equals("none")) {
            for (String name : value.split(",")) {
                try {
                    wanted.add(AwsService.valueOf(name.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("-Dlambdakit.services=" + setting + ": " + name.trim()
                            + " is not one of auto, none or " + List.of(AwsService.values()));
                }
            }
        }
        Backend backend = new Backend(wanted);
        if (wanted.isEmpty()) {
            return backend;
        }
        out.accept("Starting the embedded backend for " + wanted + " ...");
        long start = System.nanoTime();
        AwsBackend embedded = EmbeddedBackend.shared();
        List<AwsService> served = new ArrayList<>();
        for (AwsService service : wanted) {
            if (embedded.supports(service)) {
                served.add(service);
            } else {
                out.accept("  " + service + " is not on the embedded backend here; functions using it will fail");
            }
        }
        backend.environment.putAll(Backends.environment(embedded, served));
        backend.resources = new TestResources(embedded);
        for (String line : TemplateResources.create(template, backend.resources, served)) {
            out.accept("  " + line);
        }
        out.accept("Backend ready in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return backend;
    }

    @Override
    public void close() {
        if (resources != null) {
            resources.close();
        }
    }
}

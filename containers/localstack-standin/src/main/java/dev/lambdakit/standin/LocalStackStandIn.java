package dev.lambdakit.standin;

import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.cloud.EmbeddedBackend;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for the LocalStack image where no registry can supply it: LocalStack's contract as LambdaKit and
 * Testcontainers use it (the edge port 4566, {@code /_localstack/health}, the "Ready." line), with LambdaKit's
 * embedded emulators serving S3, SQS and, where Node.js is in the image, DynamoDB. It is test infrastructure for
 * LambdaKit's own CI, built into an image tagged as the LocalStack image the toolkit asks for; users run the real
 * LocalStack.
 */
public final class LocalStackStandIn {

    static final int EDGE_PORT = 4566;

    private LocalStackStandIn() {}

    public static void main(String[] args) throws Exception {
        EmbeddedBackend emulators = EmbeddedBackend.shared();
        Map<AwsService, URI> endpoints = new EnumMap<>(AwsService.class);
        for (AwsService service : emulators.services()) {
            endpoints.put(service, emulators.endpoint(service));
        }
        String health = health(endpoints);
        try (EdgeProxy edge = new EdgeProxy(
                EDGE_PORT,
                name -> endpoints.entrySet().stream()
                        .filter(e -> e.getKey().endpointPrefix().equals(name))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null),
                path -> path.equals("/_localstack/health") || path.equals("/health")
                        ? health.getBytes(StandardCharsets.UTF_8)
                        : null)) {
            System.out.println("LambdaKit LocalStack stand-in: " + endpoints.keySet() + " on port " + EDGE_PORT);
            // The line LocalStack prints when it accepts requests, which Testcontainers waits for.
            System.out.println("Ready.");
            System.out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        }
    }

    private static String health(Map<AwsService, URI> endpoints) {
        StringBuilder services = new StringBuilder();
        for (AwsService service : endpoints.keySet()) {
            if (services.length() > 0) {
                services.append(',');
            }
            services.append('"')
                    .append(service.endpointPrefix().toLowerCase(Locale.ROOT))
                    .append("\":\"running\"");
        }
        return "{\"services\":{" + services + "},\"edition\":\"community\",\"version\":\"4.14.0-lambdakit-standin\"}";
    }
}

package dev.lambdakit.cloud;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URI;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The default backend, with no Docker: S3Proxy (in memory) for S3 and ElasticMQ for SQS inside the test JVM, and
 * dynalite for DynamoDB as a Node.js child process where {@code node} is installed. Each service starts on first use,
 * on 127.0.0.1 and a free port, and serves the whole run; everything stops when the JVM exits.
 *
 * <pre>{@code
 * URI sqs = EmbeddedBackend.shared().endpoint(AwsService.SQS);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class EmbeddedBackend implements AwsBackend {

    private static final EmbeddedBackend SHARED = new EmbeddedBackend("us-east-1", "000000000000");

    private final String region;
    private final String accountId;
    private final Map<AwsService, AutoCloseable> running = new EnumMap<>(AwsService.class);
    private final Map<AwsService, URI> endpoints = new EnumMap<>(AwsService.class);
    private boolean hookAdded;

    private EmbeddedBackend(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    /** The one embedded backend of this JVM. */
    public static EmbeddedBackend shared() {
        return SHARED;
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public Set<AwsService> services() {
        Set<AwsService> available = EnumSet.noneOf(AwsService.class);
        if (IsolatedEmulators.present()) {
            available.add(AwsService.S3);
            available.add(AwsService.SQS);
        }
        if (Dynalite.unavailableReason().isEmpty()) {
            available.add(AwsService.DYNAMODB);
        }
        return available;
    }

    @Override
    public synchronized URI endpoint(AwsService service) {
        URI known = endpoints.get(service);
        if (known != null) {
            return known;
        }
        long start = System.nanoTime();
        AutoCloseable server;
        URI endpoint;
        try {
            switch (service) {
                case S3 -> {
                    IsolatedEmulators.Running s3 =
                            IsolatedEmulators.start("dev.lambdakit.embedded.S3Server", FreePorts.LOOPBACK);
                    server = s3;
                    endpoint = s3.endpoint();
                }
                case SQS -> {
                    IsolatedEmulators.Running sqs = IsolatedEmulators.start(
                            "dev.lambdakit.embedded.SqsServer", FreePorts.LOOPBACK, region, accountId);
                    server = sqs;
                    endpoint = sqs.endpoint();
                }
                case DYNAMODB -> {
                    Dynalite.unavailableReason().ifPresent(reason -> {
                        throw new ServiceUnavailableException(
                                service,
                                "DYNAMODB is not available from the embedded "
                                        + "backend here: " + reason + ". Install Node.js 20+ (dynalite "
                                        + Dynalite.VERSION
                                        + " is then installed with npm), or use the localstack backend where Docker runs");
                    });
                    Dynalite dynalite = Dynalite.start();
                    server = dynalite;
                    endpoint = dynalite.endpoint();
                }
                default ->
                    throw new ServiceUnavailableException(
                            service,
                            service + " has no embedded emulator; "
                                    + "the localstack backend serves it where Docker runs (-D" + BackendKind.PROPERTY
                                    + "=localstack)");
            }
        } catch (ServiceUnavailableException | MissingArtifactException e) {
            throw e;
        } catch (Exception e) {
            throw new ServiceUnavailableException(service, "The embedded " + service + " failed to start: " + e, e);
        }
        running.put(service, server);
        endpoints.put(service, endpoint);
        startupMillis.put(service, (System.nanoTime() - start) / 1_000_000);
        if (!hookAdded) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "lambdakit-embedded-stop"));
            hookAdded = true;
        }
        return endpoint;
    }

    private final Map<AwsService, Long> startupMillis = new EnumMap<>(AwsService.class);

    /** How long each started service took to start, in milliseconds. */
    public synchronized Map<AwsService, Long> startupMillis() {
        return Map.copyOf(startupMillis);
    }

    /** Stops every running service; the next request starts them again. */
    public synchronized void stopAll() {
        running.forEach((service, server) -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // stopping is best effort at the end of a run
            }
        });
        running.clear();
        endpoints.clear();
    }

    /** The artifact that brings the embedded emulators with the exclusions and pins they need. */
    public static final String ARTIFACT = "dev.lambdakit:toolkit-embedded";
}

package dev.lambdakit.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.function.Supplier;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ on 127.0.0.1 and a port the system picks, queue URLs and ARNs in the given region and account. It runs in
 * LambdaKit's isolated class loader: {@link Supplier#get()} is the endpoint, {@link AutoCloseable#close()} stops it.
 */
public final class SqsServer implements Supplier<URI>, AutoCloseable {

    private final SQSRestServer server;
    private final URI endpoint;

    public SqsServer(String host, String region, String accountId) {
        // ElasticMQ writes queue URLs from its server address, so the port must be known before it starts.
        int port = freePort(host);
        endpoint = URI.create("http://" + host + ":" + port);
        server = SQSRestServerBuilder.withInterface(host)
                .withPort(port)
                .withServerAddress(new NodeAddress("http", host, port, ""))
                .withAWSRegion(region)
                .withAWSAccountId(accountId)
                .start();
        server.waitUntilStarted();
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + host, e);
        }
    }

    @Override
    public URI get() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}

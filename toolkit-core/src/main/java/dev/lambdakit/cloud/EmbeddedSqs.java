package dev.lambdakit.cloud;

import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ on 127.0.0.1, with queue URLs and ARNs in the backend's region and account. */
final class EmbeddedSqs implements AutoCloseable {

    private final SQSRestServer server;
    private final URI endpoint;

    EmbeddedSqs(String region, String accountId) {
        int port = FreePorts.find();
        endpoint = URI.create("http://" + FreePorts.LOOPBACK + ":" + port);
        server = SQSRestServerBuilder.withInterface(FreePorts.LOOPBACK).withPort(port)
                .withServerAddress(new NodeAddress("http", FreePorts.LOOPBACK, port, ""))
                .withAWSRegion(region).withAWSAccountId(accountId).start();
        server.waitUntilStarted();
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}

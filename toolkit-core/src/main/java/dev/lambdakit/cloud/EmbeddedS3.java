package dev.lambdakit.cloud;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/** S3Proxy with its in-memory store, on 127.0.0.1, accepting any credentials (as the simulated ones are fake). */
final class EmbeddedS3 implements AutoCloseable {

    private final S3Proxy proxy;
    private final URI endpoint;

    EmbeddedS3() throws Exception {
        int port = FreePorts.find();
        endpoint = URI.create("http://" + FreePorts.LOOPBACK + ":" + port);
        proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", new Properties()))
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start within 30 s (state " + proxy.getState() + ")");
            }
            Thread.sleep(5);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}

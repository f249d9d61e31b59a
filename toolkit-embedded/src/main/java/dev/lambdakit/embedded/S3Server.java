package dev.lambdakit.embedded;

import java.net.URI;
import java.util.Properties;
import java.util.function.Supplier;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * S3Proxy with its in-memory store on 127.0.0.1 and a port the system picks, accepting any credentials (the simulated
 * ones are fake). It runs in LambdaKit's isolated class loader, so its contract with the toolkit uses JDK types only:
 * {@link Supplier#get()} is the endpoint, {@link AutoCloseable#close()} stops it.
 */
public final class S3Server implements Supplier<URI>, AutoCloseable {

    private final S3Proxy proxy;
    private final URI endpoint;

    public S3Server(String host) throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", new Properties()))
                .endpoint(URI.create("http://" + host + ":0"))
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
        endpoint = URI.create("http://" + host + ":" + proxy.getPort());
    }

    @Override
    public URI get() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}

package dev.lambdakit.benchmarks;

import com.sun.net.httpserver.HttpServer;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.function.HandlerReference;
import dev.lambdakit.server.LambdaService;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A warm {@code LambdaClient.invoke} through the local Lambda service, against the same call to a loopback server
 * that answers with a fixed body (the SDK's own cost: the floor).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Dlambdakit.console=none", "-Dsun.net.httpserver.nodelay=true"})
@State(Scope.Benchmark)
public class LambdaClientBenchmark {

    private LambdaService service;
    private HttpServer fixed;
    private LambdaClient viaService;
    private LambdaClient viaFixed;
    private final SdkBytes payload = SdkBytes.fromUtf8String("\"hello\"");
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    private java.net.http.HttpRequest rawRequest;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        service = LambdaService.builder()
                .function(
                        FunctionConfig.builder()
                                .functionName("echo")
                                .handler(HandlerReference.ofInstance(WarmInvocationBenchmark.Echo::new))
                                .build(),
                        1)
                .start();
        fixed = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        byte[] body = "\"hello\"".getBytes(StandardCharsets.UTF_8);
        fixed.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        fixed.setExecutor(Executors.newFixedThreadPool(2));
        fixed.start();
        viaService = client(service.endpoint());
        viaFixed = client(URI.create("http://127.0.0.1:" + fixed.getAddress().getPort()));
        rawRequest = java.net.http.HttpRequest.newBuilder(
                        URI.create(service.endpoint() + "/2015-03-31/functions/echo/invocations"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("\"hello\""))
                .build();
    }

    private static LambdaClient client(URI endpoint) {
        return LambdaClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        "ASIALAMBDAKITBENCH00", "not-a-real-secret-00000000000000000000000")))
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        viaService.close();
        viaFixed.close();
        fixed.stop(0);
        service.close();
    }

    @Benchmark
    public Object localLambdaService() {
        return viaService.invoke(r -> r.functionName("echo").payload(payload));
    }

    /** A raw java.net.http round trip to the same Invoke API: no SDK. */
    @Benchmark
    public Object rawHttpToService() throws Exception {
        return http.send(rawRequest, java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }

    @Benchmark
    public Object fixedBodyServer() {
        return viaFixed.invoke(r -> r.functionName("echo").payload(payload));
    }
}

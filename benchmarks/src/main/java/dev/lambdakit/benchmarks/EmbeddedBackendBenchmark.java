package dev.lambdakit.benchmarks;

import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.cloud.EmbeddedBackend;
import dev.lambdakit.cloud.TestResources;
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
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Warm call latency against the embedded backend (S3Proxy, ElasticMQ), SDK signing and marshalling included; the
 * set-up prints how long each service took to start in this fork.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class EmbeddedBackendBenchmark {

    private TestResources resources;
    private String bucket;
    private String queueUrl;

    @Setup(Level.Trial)
    public void setUp() {
        EmbeddedBackend backend = EmbeddedBackend.shared();
        backend.endpoint(AwsService.S3);
        backend.endpoint(AwsService.SQS);
        System.out.println("start-up (ms): " + backend.startupMillis());
        resources = new TestResources(backend);
        bucket = resources.bucket("bench").name();
        queueUrl = resources.queue("bench", false, 3, 30, false).url();
        resources.s3().putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("value"));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        resources.close();
        EmbeddedBackend.shared().stopAll();
    }

    @Benchmark
    public Object s3Put() {
        return resources.s3().putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("value"));
    }

    @Benchmark
    public byte[] s3Get() {
        return resources.s3().getObjectAsBytes(r -> r.bucket(bucket).key("k")).asByteArray();
    }

    @Benchmark
    public Object sqsSend() {
        return resources.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody("m"));
    }

    @Benchmark
    public Object sqsReceive() {
        return resources.sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(1));
    }
}

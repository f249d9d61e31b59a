package dev.lambdakit.benchmarks;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.lambdakit.events.SqsEvents;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An SQS builder's {@code build()} (lay out the tree, write the JSON, read it through the runtime's serializer)
 * against the runtime's serializer alone on the same JSON, and the builder's {@code toJson()} alone.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar EventBuildBenchmark}</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class EventBuildBenchmark {

    private SqsEvents.Builder builder;
    private byte[] json;
    private PojoSerializer<SQSEvent> runtime;

    @Setup
    public void setUp() {
        builder = SqsEvents.queue("orders").seed(1).message("{\"id\":1}").message("{\"id\":2}");
        json = builder.toJson().getBytes(StandardCharsets.UTF_8);
        runtime =
                LambdaEventSerializers.serializerFor(SQSEvent.class, getClass().getClassLoader());
    }

    @Benchmark
    public SQSEvent builderBuild() {
        return builder.build();
    }

    @Benchmark
    public String builderToJson() {
        return builder.toJson();
    }

    @Benchmark
    public SQSEvent runtimeSerializer() {
        return runtime.fromJson(new ByteArrayInputStream(json));
    }
}

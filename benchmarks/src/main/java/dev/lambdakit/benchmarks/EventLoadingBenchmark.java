package dev.lambdakit.benchmarks;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.lambdakit.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An event file to its object: LambdaKit's loading (classpath resource, placeholders, the runtime's serializer chosen
 * as the runtime chooses) against aws-lambda-java-tests' {@code EventLoader} 1.1.2 and against the runtime's own
 * serializer given the bytes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class EventLoadingBenchmark {

    @Param({"sqs", "s3", "dynamodb"})
    public String event;

    private Class<?> type;
    private byte[] bytes;
    private String text;
    private PojoSerializer<?> runtime;

    @Setup
    public void setUp() throws IOException {
        type = switch (event) {
            case "sqs" -> SQSEvent.class;
            case "s3" -> S3Event.class;
            default -> DynamodbEvent.class;
        };
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("bench-events/" + event + ".json")) {
            bytes = in.readAllBytes();
        }
        text = new String(bytes, StandardCharsets.UTF_8);
        runtime = LambdaEventSerializers.serializerFor(type, getClass().getClassLoader());
    }

    /** LambdaKit: read the resource, substitute placeholders, deserialize. */
    @Benchmark
    public Object lambdaKit() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("bench-events/" + event + ".json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.contains("${")) {
                throw new IllegalStateException("no placeholders expected");
            }
            return EventJson.fromJson(text, type);
        }
    }

    /** aws-lambda-java-tests 1.1.2. */
    @Benchmark
    public Object eventLoader() {
        return EventLoader.loadEvent("bench-events/" + event + ".json", type);
    }

    /** Only the class-path read of LambdaKit's path: where its time goes, beside {@link #lambdaKitParseOnly()}. */
    @Benchmark
    public String classPathRead() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("bench-events/" + event + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Only the parse of LambdaKit's path: the text already read, through {@code EventJson}. */
    @Benchmark
    public Object lambdaKitParseOnly() {
        return EventJson.fromJson(text, type);
    }

    /** The runtime's serializer, given the bytes: the floor. */
    @Benchmark
    public Object runtimeSerializer() {
        return runtime.fromJson(new java.io.ByteArrayInputStream(bytes));
    }
}

package dev.lambdakit.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.lambdakit.events.EventJson;
import dev.lambdakit.events.SqsEvents;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.function.HandlerReference;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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

/**
 * A warm in-process invocation of a trivial handler through {@link LambdaFunction}, against calling the handler
 * directly (the physical limit) and against what the runtime itself does per call (deserialize, call, serialize).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dlambdakit.console=none")
@State(Scope.Benchmark)
public class WarmInvocationBenchmark {

    /** The trivial handler: echoes its input. */
    public static class Echo implements RequestHandler<String, String> {
        @Override
        public String handleRequest(String input, Context context) {
            return input;
        }
    }

    /** An SQS batch consumer: reads every message, so the whole event is deserialized. */
    public static class SqsConsumer implements RequestHandler<SQSEvent, Integer> {
        @Override
        public Integer handleRequest(SQSEvent event, Context context) {
            int total = 0;
            for (SQSEvent.SQSMessage m : event.getRecords()) {
                total += m.getBody().length();
            }
            return total;
        }
    }

    private static final byte[] SQS_PAYLOAD = SqsEvents.queue("orders")
            .seed(1)
            .messages(10, i -> "{\"orderId\":\"o-" + i + "\",\"quantity\":" + i + "}")
            .toBytes();

    private static final byte[] PAYLOAD = "\"hello\"".getBytes(StandardCharsets.UTF_8);

    private LambdaFunction function;
    private LambdaFunction sqsFunction;
    private SqsConsumer sqsDirect;
    private PojoSerializer<Object> sqsSerializer;
    private PojoSerializer<Object> intSerializer;
    private Echo direct;
    private Context context;
    private PojoSerializer<Object> serializer;

    @Setup(Level.Trial)
    public void setUp() {
        function = LambdaFunction.create(FunctionConfig.builder()
                .handler(HandlerReference.ofInstance(Echo::new))
                .build());
        InvocationResult<Object> first = function.invoke(PAYLOAD);
        if (!first.isSuccess()) {
            throw new IllegalStateException(first.toString());
        }
        direct = new Echo();
        context = function.newContext();
        serializer = EventJson.serializer(String.class);
        sqsFunction = LambdaFunction.create(FunctionConfig.builder()
                .handler(HandlerReference.ofInstance(SqsConsumer::new))
                .build());
        sqsFunction.invoke(SQS_PAYLOAD);
        sqsDirect = new SqsConsumer();
        sqsSerializer = EventJson.serializer(SQSEvent.class);
        intSerializer = EventJson.serializer(Integer.class);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        function.close();
        sqsFunction.close();
    }

    /** The floor: a plain method call. */
    @Benchmark
    public String directCall() {
        return direct.handleRequest("hello", context);
    }

    /** What the runtime does around the call: bytes to input, call, output to bytes. */
    @Benchmark
    public byte[] directWithRuntimeSerialization() {
        Object input = serializer.fromJson(new ByteArrayInputStream(PAYLOAD));
        String output = direct.handleRequest((String) input, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        serializer.toJson(output, out);
        return out.toByteArray();
    }

    /** The runtime's work for an SQS batch of ten: deserialize the event, call, serialize the result. */
    @Benchmark
    public byte[] sqsDirectWithRuntimeSerialization() {
        SQSEvent event = (SQSEvent) sqsSerializer.fromJson(new ByteArrayInputStream(SQS_PAYLOAD));
        Integer result = sqsDirect.handleRequest(event, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        intSerializer.toJson(result, out);
        return out.toByteArray();
    }

    /** The same SQS batch through the simulated runtime. */
    @Benchmark
    public InvocationResult<Object> sqsLambdaKitInvoke() {
        return sqsFunction.invoke(SQS_PAYLOAD);
    }

    /** A warm invocation through the simulated runtime: environment, deadline, log capture, report. */
    @Benchmark
    public InvocationResult<Object> lambdaKitInvoke() {
        return function.invoke(PAYLOAD);
    }
}

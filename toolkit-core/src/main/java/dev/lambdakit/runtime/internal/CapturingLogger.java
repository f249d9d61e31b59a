package dev.lambdakit.runtime.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.lambdakit.events.internal.JsonText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The {@code LambdaLogger} of a simulated context. In the cloud each {@code log} call becomes one log event, so each
 * call here ends one line (a newline is added when the message has none); the log is captured per invocation and
 * still printed. With {@code AWS_LAMBDA_LOG_FORMAT=JSON} (a template's {@code LoggingConfig: LogFormat: JSON}) each
 * call is one JSON object, as the Java runtime writes it: timestamp, message, level, request id.
 */
@API(status = INTERNAL, since = "0.1")
public final class CapturingLogger implements LambdaLogger {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final LogSink sink;
    private final boolean json;
    private final String requestId;

    public CapturingLogger(LogSink sink) {
        this(sink, false, null);
    }

    private CapturingLogger(LogSink sink, boolean json, String requestId) {
        this.sink = sink;
        this.json = json;
        this.requestId = requestId;
    }

    /** The logger of one invocation: JSON lines name its request when the function's log format is JSON. */
    public CapturingLogger forInvocation(String awsRequestId, Map<String, String> variables) {
        boolean jsonFormat = "JSON".equals(variables.get("AWS_LAMBDA_LOG_FORMAT"));
        return jsonFormat ? new CapturingLogger(sink, true, awsRequestId) : this;
    }

    @Override
    public void log(String message) {
        String text = String.valueOf(message);
        if (json) {
            sink.log("{\"timestamp\":" + JsonText.quote(TIMESTAMP.format(Instant.now())) + ",\"message\":"
                    + JsonText.quote(text) + ",\"level\":\"UNDEFINED\",\"AWSRequestId\":" + JsonText.quote(requestId)
                    + "}\n");
            return;
        }
        sink.log(text.endsWith("\n") ? text : text + "\n");
    }

    @Override
    public void log(byte[] message) {
        if (message != null) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}

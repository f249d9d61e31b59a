package dev.lambdakit.runtime.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/**
 * The {@code LambdaLogger} of a simulated context. In the cloud each {@code log} call becomes one log event, so each
 * call here ends one line (a newline is added when the message has none); the log is captured per invocation and
 * still printed.
 */
@API(status = INTERNAL, since = "0.1")
public final class CapturingLogger implements LambdaLogger {

    private final LogSink sink;

    public CapturingLogger(LogSink sink) {
        this.sink = sink;
    }

    @Override
    public void log(String message) {
        String text = String.valueOf(message);
        sink.log(text.endsWith("\n") ? text : text + "\n");
    }

    @Override
    public void log(byte[] message) {
        if (message != null) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}

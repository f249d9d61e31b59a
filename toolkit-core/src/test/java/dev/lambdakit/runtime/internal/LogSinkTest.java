package dev.lambdakit.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LogSinkTest {

    @Test
    @DisplayName("64 MB written to one invocation's log: the first 8 MB are kept, the rest counted")
    void boundedCapture() {
        LogSink.Buffer buffer = new LogSink.Buffer();
        byte[] megabyte = ("x".repeat(1023) + "\n").repeat(1024).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 64; i++) {
            buffer.append(megabyte, 0, megabyte.length);
        }

        String text = buffer.text();
        assertThat(text.length()).isLessThan(LogSink.MAX_CAPTURED_BYTES + 200);
        assertThat(text)
                .endsWith("[LambdaKit: " + (56L * 1024 * 1024) + " more bytes of log output were not " + "captured]\n");
    }
}

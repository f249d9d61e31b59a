package dev.lambdakit.runtime.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.lambdakit.env.Settings;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Where one execution environment's log goes: the current invocation's buffer, and the console as before.
 *
 * <p>Lambda's log holds the function's standard output and error as well as the {@code LambdaLogger}'s lines, so
 * {@code System.out} and {@code System.err} are wrapped once per JVM in a tee that also copies what threads of an
 * environment write into that environment's sink. Other threads write through untouched. A forked runtime hands
 * its child's output over with {@link #capture}.
 *
 * <pre>{@code
 * LogSink.Buffer buffer = sink.begin();
 * sink.log("START RequestId: ...\n");
 * String text = buffer.text();
 * sink.end();
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class LogSink {

    /**
     * Whether LambdaKit's own lines and the logger's reach the console too: system property {@value #CONSOLE_PROPERTY}
     * = {@code all} (the default, as Lambda's log shows them) or {@code none}. Capture is unaffected.
     */
    static final String CONSOLE_PROPERTY = "lambdakit.console";
    /** Read on first use, not at class load, so a JUnit configuration parameter registered first counts. */
    private static volatile Boolean echo;

    /** Past this many bytes per invocation, output still reaches the console but is no longer kept. */
    static final int MAX_CAPTURED_BYTES = 8 * 1024 * 1024;

    private static final InheritableThreadLocal<LogSink> TARGET = new InheritableThreadLocal<>();
    private static final Object INSTALL_LOCK = new Object();
    private static PrintStream consoleOut;
    private static boolean installed;

    private volatile Buffer current;

    /** Wraps System.out and System.err once; idempotent. */
    static void installTee() {
        synchronized (INSTALL_LOCK) {
            if (installed) {
                return;
            }
            PrintStream out = System.out;
            PrintStream err = System.err;
            consoleOut = out;
            System.setOut(new PrintStream(new Tee(out), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Tee(err), true, StandardCharsets.UTF_8));
            installed = true;
        }
    }

    /** The console as it was before the tee, for lines LambdaKit writes itself. */
    static PrintStream console() {
        synchronized (INSTALL_LOCK) {
            return consoleOut != null ? consoleOut : new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        }
    }

    /** Sends this thread's (and its future children's) output to this sink. */
    void bindCurrentThread() {
        TARGET.set(this);
    }

    /** Starts a new buffer, for one invocation. */
    public Buffer begin() {
        Buffer b = new Buffer();
        current = b;
        return b;
    }

    public void end() {
        current = null;
    }

    /**
     * Output the function wrote elsewhere (a child process's), for the current buffer and the console, as written;
     * {@link #endLine()} closes a line it left open.
     */
    public void capture(byte[] bytes, int off, int len) {
        if (len == 0) {
            return;
        }
        Buffer b = current;
        if (b != null) {
            b.append(bytes, off, len);
        }
        PrintStream console = console();
        console.write(bytes, off, len);
        console.flush();
    }

    /** Ends the current line if output left it open, so the platform's next line starts a line of its own. */
    public void endLine() {
        Buffer b = current;
        if (b != null && b.endsOpen()) {
            log("\n");
        }
    }

    /** Appends to the current buffer and the console: what the LambdaLogger and the REPORT lines use. */
    void log(byte[] bytes, int off, int len) {
        Buffer b = current;
        if (b != null) {
            b.append(bytes, off, len);
        }
        if (echo()) {
            PrintStream console = console();
            console.write(bytes, off, len);
            console.flush();
        }
    }

    private static boolean echo() {
        Boolean value = echo;
        if (value == null) {
            value = !"none".equalsIgnoreCase(Settings.get(CONSOLE_PROPERTY).orElse("all"));
            echo = value;
        }
        return value;
    }

    public void log(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        log(bytes, 0, bytes.length);
    }

    /** The captured log of one invocation. */
    @API(status = INTERNAL, since = "0.1")
    public static final class Buffer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        private long dropped;
        private int last = -1;

        synchronized void append(byte[] b, int off, int len) {
            int room = MAX_CAPTURED_BYTES - bytes.size();
            int keep = Math.max(0, Math.min(room, len));
            bytes.write(b, off, keep);
            dropped += len - keep;
            if (len > 0) {
                last = b[off + len - 1];
            }
        }

        synchronized boolean endsOpen() {
            return last != -1 && last != '\n';
        }

        public synchronized String text() {
            String text = bytes.toString(StandardCharsets.UTF_8);
            return dropped == 0
                    ? text
                    : text + "\n[LambdaKit: " + dropped + " more bytes of log output were not captured]\n";
        }

        public static List<String> lines(String text) {
            List<String> lines = new ArrayList<>();
            int start = 0;
            int n = text.length();
            for (int i = 0; i < n; i++) {
                if (text.charAt(i) == '\n') {
                    int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                    lines.add(text.substring(start, end));
                    start = i + 1;
                }
            }
            if (start < n) {
                lines.add(text.substring(start));
            }
            return lines;
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream console;

        Tee(OutputStream console) {
            this.console = console;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            LogSink sink = TARGET.get();
            if (sink != null) {
                Buffer buffer = sink.current;
                if (buffer != null) {
                    buffer.append(b, off, len);
                }
            }
            console.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            console.flush();
        }
    }
}

package dev.lambdakit.runtime.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.lambdakit.env.internal.Partitions;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.LambdaError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Lines and messages the Lambda platform writes, in its own format, for both runtimes (in process and forked).
 *
 * <pre>{@code
 * sink.log(LambdaLines.initStart(config));
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class LambdaLines {

    private static final DateTimeFormatter TIMEOUT_TIME = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private LambdaLines() {}

    /**
     * {@code INIT_START Runtime Version: java:17.v45 Runtime Version ARN: arn:aws:lambda:<region>::runtime:<64 hex>},
     * the shape Lambda prints; the version number and the hash are LambdaKit's (stable per runtime and region).
     */
    public static String initStart(FunctionConfig config) {
        return "INIT_START Runtime Version: " + config.runtime().replace("java", "java:") + ".v" + runtimeBuild(config)
                + "\tRuntime Version ARN: arn:" + Partitions.id(config.region()) + ":lambda:" + config.region()
                + "::runtime:"
                + sha256(config.runtime() + "/" + config.region()) + "\n";
    }

    /** Lambda's timeout message: {@code 2026-12-01T10:57:10.123Z <request id> Task timed out after 2.00 seconds}. */
    public static String timeoutMessage(String requestId, Duration timeout) {
        return TIMEOUT_TIME.format(Instant.now()) + " " + requestId + " Task timed out after "
                + String.format(Locale.ROOT, "%.2f", timeout.toMillis() / 1000.0) + " seconds";
    }

    /** Lambda's timeout error ({@code Sandbox.Timedout}, no error type), with LambdaKit's {@code hint} on it. */
    public static LambdaError timeoutError(String requestId, Duration timeout, String hint) {
        return new LambdaError(
                timeoutMessage(requestId, timeout),
                null,
                List.of(),
                LambdaError.Phase.TIMEOUT,
                "Sandbox.Timedout",
                null,
                hint);
    }

    private static int runtimeBuild(FunctionConfig config) {
        return switch (config.runtime()) {
            case "java17" -> 45;
            case "java21" -> 32;
            default -> 5;
        };
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

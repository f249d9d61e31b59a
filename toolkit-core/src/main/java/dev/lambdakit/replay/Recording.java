package dev.lambdakit.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.events.EventJson;
import dev.lambdakit.events.internal.JsonText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A file of recorded AWS interactions: each request (service, method, path, query, operation, body) with the
 * response it got. Volatile parts (loopback ports, UUIDs, S3 chunk and trailer signatures) are normalised, so a request made
 * again in a later run matches its recording. Requests that repeat (a poll, say) are answered in recorded order.
 *
 * <pre>{@code
 * Recording recording = Recording.load(Path.of("src/test/resources/recordings/OrdersIT/stores.json"));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Recording {

    private static final Pattern PORT = Pattern.compile("(127\\.0\\.0\\.1|localhost):\\d+");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CHUNK_SIGNATURE = Pattern.compile("chunk-signature=[0-9a-f]+");
    private static final Pattern TRAILER_SIGNATURE = Pattern.compile("x-amz-trailer-signature:[0-9a-f]+");

    /** One request and its response. */
    public record Interaction(
            String service,
            String method,
            String path,
            String query,
            String operation,
            String requestBody,
            int status,
            Map<String, String> headers,
            String responseBody) {
        /** What a request must equal to be answered by this interaction. */
        String key() {
            return service + " " + method + " " + path + "?" + query + " " + operation + " " + requestBody;
        }
    }

    private final List<Interaction> interactions = Collections.synchronizedList(new ArrayList<>());

    public List<Interaction> interactions() {
        synchronized (interactions) {
            return List.copyOf(interactions);
        }
    }

    void add(Interaction interaction) {
        interactions.add(interaction);
    }

    /** Replaces volatile parts with placeholders. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String t = PORT.matcher(text).replaceAll("127.0.0.1:{port}");
        t = UUID.matcher(t).replaceAll("{uuid}");
        t = CHUNK_SIGNATURE.matcher(t).replaceAll("chunk-signature={signature}");
        return TRAILER_SIGNATURE.matcher(t).replaceAll("x-amz-trailer-signature:{signature}");
    }

    /**
     * Reads a recording.
     *
     * @throws IllegalStateException when the file is missing (saying how to record it) or malformed
     */
    @SuppressWarnings("unchecked")
    public static Recording load(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalStateException("No recording at " + file + ": record it once against a backend with "
                    + "-D" + ReplayMode.PROPERTY + "=record, then commit the file");
        }
        Recording r = new Recording();
        try {
            Map<String, Object> root = (Map<String, Object>) EventJson.toTree(Files.readString(file));
            for (Object o : (List<Object>) root.get("interactions")) {
                Map<String, Object> m = (Map<String, Object>) o;
                Map<String, String> headers = new LinkedHashMap<>();
                ((Map<String, Object>) m.getOrDefault("headers", Map.of()))
                        .forEach((k, v) -> headers.put(k, String.valueOf(v)));
                r.add(new Interaction(
                        (String) m.get("service"),
                        (String) m.get("method"),
                        (String) m.get("path"),
                        (String) m.get("query"),
                        (String) m.get("operation"),
                        (String) m.get("requestBody"),
                        ((Number) m.get("status")).intValue(),
                        headers,
                        (String) m.get("responseBody")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read recording " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Recording " + file + " is not a LambdaKit recording: " + e, e);
        }
        return r;
    }

    /** Writes the recording as indented JSON, one interaction per block. */
    public void save(Path file) {
        StringBuilder sb = new StringBuilder("{\n  \"interactions\": [");
        List<Interaction> all = interactions();
        for (int i = 0; i < all.size(); i++) {
            Interaction x = all.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service", x.service());
            m.put("method", x.method());
            m.put("path", x.path());
            m.put("query", x.query());
            m.put("operation", x.operation());
            m.put("requestBody", x.requestBody());
            m.put("status", x.status());
            m.put("headers", x.headers());
            m.put("responseBody", x.responseBody());
            sb.append(i == 0 ? "\n    " : ",\n    ");
            sb.append(JsonText.write(m).replace(",\"", ",\n      \"").replace("{\"service\"", "{\n      \"service\""));
        }
        sb.append("\n  ]\n}\n");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write recording " + file, e);
        }
    }
}

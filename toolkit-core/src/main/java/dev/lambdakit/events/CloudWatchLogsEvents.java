package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import dev.lambdakit.events.internal.JsonText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apiguardian.api.API;

/**
 * CloudWatch Logs subscription deliveries: the log batch as JSON, gzip-compressed and Base64-encoded in
 * {@code awslogs.data}, as CloudWatch Logs sends it. {@link #decode(CloudWatchLogsEvent)} undoes it.
 *
 * <pre>{@code
 * CloudWatchLogsEvent event = CloudWatchLogsEvents.logGroup("/aws/lambda/orders")
 *         .logEvent("ERROR order o-1 failed").logEvent("INFO retrying").build();
 * String json = CloudWatchLogsEvents.decode(event);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CloudWatchLogsEvents {

    private CloudWatchLogsEvents() {}

    public static Builder logGroup(String logGroup) {
        return new Builder(EventBuilder.required(logGroup, "logGroup"));
    }

    /** The decompressed, decoded log batch JSON. */
    public static String decode(CloudWatchLogsEvent event) {
        byte[] zipped = Base64.getDecoder().decode(event.getAwsLogs().getData());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("awslogs.data is not gzip data", e);
        }
    }

    /** Builds a {@link CloudWatchLogsEvent}. */
    public static final class Builder extends EventBuilder<Builder, CloudWatchLogsEvent> {
        private final String logGroup;
        private String logStream = "2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef";
        private String filterName = "lambdakit-subscription";
        private final List<String> messages = new ArrayList<>();

        private Builder(String logGroup) {
            super(CloudWatchLogsEvent.class);
            this.logGroup = logGroup;
        }

        public Builder logStream(String logStream) {
            this.logStream = required(logStream, "logStream");
            return this;
        }

        public Builder subscriptionFilter(String filterName) {
            this.filterName = required(filterName, "filterName");
            return this;
        }

        public Builder logEvents(int count, IntFunction<String> message) {
            for (int i = 0; i < count; i++) {
                logEvent(message.apply(i));
            }
            return this;
        }

        public Builder logEvent(String message) {
            messages.add(required(message, "message"));
            return this;
        }

        /** The batch before compression, as CloudWatch Logs builds it. */
        private Map<String, Object> payloadTree() {
            Instant at = now();
            List<Object> events = new ArrayList<>();
            for (String m : messages) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("id", digits(56));
                e.put("timestamp", at.toEpochMilli());
                e.put("message", m);
                events.add(e);
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("messageType", "DATA_MESSAGE");
            payload.put("owner", accountId());
            payload.put("logGroup", logGroup);
            payload.put("logStream", logStream);
            payload.put("subscriptionFilters", List.of(filterName));
            payload.put("logEvents", events);
            return payload;
        }

        @Override
        protected Map<String, Object> tree() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                gzip.write(utf8(JsonText.write(payloadTree())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("awslogs", new LinkedHashMap<>(Map.of("data", base64(bytes.toByteArray()))));
            return root;
        }
    }
}

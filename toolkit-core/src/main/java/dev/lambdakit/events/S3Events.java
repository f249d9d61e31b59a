package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.apiguardian.api.API;

/**
 * S3 event notifications. Object keys are URL-encoded the way S3 sends them (spaces as {@code +}, slashes kept), so
 * a handler must decode them, as it must in the cloud.
 *
 * <pre>{@code
 * S3Event event = S3Events.bucket("uploads").put("photos/summer 2026.jpg", 52_000).delete("tmp/old.txt").build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class S3Events {

    private S3Events() {}

    public static Builder bucket(String bucketName) {
        return new Builder(EventBuilder.required(bucketName, "bucketName"));
    }

    /** The key as it appears in an S3 event notification. */
    public static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    /** Builds an {@link S3Event}. */
    public static final class Builder extends EventBuilder<Builder, S3Event> {
        private final String bucketName;
        private final List<Object[]> objects = new ArrayList<>();
        private String versionId;

        private Builder(String bucketName) {
            super(S3Event.class);
            this.bucketName = bucketName;
        }

        /** An {@code ObjectCreated:Put} of {@code key} (unencoded) with this size in bytes. */
        public Builder put(String key, long size) {
            objects.add(new Object[] {"ObjectCreated:Put", required(key, "key"), size});
            return this;
        }

        /** {@code count} puts, the i-th (from 0) of key {@code key.apply(i)}, each of {@code size} bytes. */
        public Builder puts(int count, IntFunction<String> key, long size) {
            for (int i = 0; i < count; i++) {
                put(key.apply(i), size);
            }
            return this;
        }

        /** An {@code ObjectRemoved:Delete} of {@code key}. */
        public Builder delete(String key) {
            objects.add(new Object[] {"ObjectRemoved:Delete", required(key, "key"), null});
            return this;
        }

        /** Any event name, for example {@code ObjectCreated:CompleteMultipartUpload}. */
        public Builder event(String eventName, String key, long size) {
            objects.add(new Object[] {required(eventName, "eventName"), required(key, "key"), size});
            return this;
        }

        /** Marks the bucket versioned: records carry a {@code versionId}. */
        public Builder versionId(String versionId) {
            this.versionId = versionId;
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            List<Object> records = new ArrayList<>();
            Instant at = now();
            long sequence = 0;
            String owner = "A" + upperAlnum(13);
            for (Object[] o : objects) {
                String eventName = (String) o[0];
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("key", encodeKey((String) o[1]));
                if (o[2] != null) {
                    object.put("size", o[2]);
                    object.put("eTag", hex(32));
                }
                if (versionId != null) {
                    object.put("versionId", versionId);
                }
                // Hexadecimal and increasing for later events on a key, as S3 orders them.
                object.put(
                        "sequencer",
                        String.format(Locale.ROOT, "00%016X", at.toEpochMilli() * 1_000_000L + sequence++));
                Map<String, Object> bucket = new LinkedHashMap<>();
                bucket.put("name", bucketName);
                bucket.put("ownerIdentity", new LinkedHashMap<>(Map.of("principalId", owner)));
                bucket.put("arn", "arn:" + partition() + ":s3:::" + bucketName);
                Map<String, Object> s3 = new LinkedHashMap<>();
                s3.put("s3SchemaVersion", "1.0");
                s3.put("configurationId", "lambdakit-notification");
                s3.put("bucket", bucket);
                s3.put("object", object);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("eventVersion", "2.1");
                r.put("eventSource", "aws:s3");
                r.put("awsRegion", region());
                r.put("eventTime", isoMillis(at));
                r.put("eventName", eventName);
                r.put("userIdentity", new LinkedHashMap<>(Map.of("principalId", "AWS:AIDA" + upperAlnum(17))));
                r.put("requestParameters", new LinkedHashMap<>(Map.of("sourceIPAddress", "203.0.113.10")));
                Map<String, Object> response = new LinkedHashMap<>();
                response.put("x-amz-request-id", upperAlnum(16));
                response.put("x-amz-id-2", base64(48));
                r.put("responseElements", response);
                r.put("s3", s3);
                records.add(r);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("Records", records);
            return root;
        }
    }
}

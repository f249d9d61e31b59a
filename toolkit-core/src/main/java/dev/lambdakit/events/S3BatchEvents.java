package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.S3BatchEvent;
import com.amazonaws.services.lambda.runtime.events.S3BatchEventV2;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apiguardian.api.API;

/**
 * S3 Batch Operations invocations: schema 1.0 (bucket ARN per task) and 2.0 (bucket name, user arguments).
 *
 * <pre>{@code
 * S3BatchEvent v1 = S3BatchEvents.v1().task("photos", "2026/a.jpg").build();
 * S3BatchEventV2 v2 = S3BatchEvents.v2().userArgument("Destination", "thumbs").task("photos", "a.jpg").build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class S3BatchEvents {

    private S3BatchEvents() {}

    public static V1 v1() {
        return new V1();
    }

    public static V2 v2() {
        return new V2();
    }

    /** Schema 1.0: builds an {@link S3BatchEvent}. */
    public static final class V1 extends EventBuilder<V1, S3BatchEvent> {
        private final List<String[]> tasks = new ArrayList<>();

        private V1() {
            super(S3BatchEvent.class);
        }

        public V1 tasks(String bucket, int count, IntFunction<String> key) {
            for (int i = 0; i < count; i++) {
                task(bucket, key.apply(i));
            }
            return this;
        }

        public V1 task(String bucket, String key) {
            tasks.add(new String[] {required(bucket, "bucket"), required(key, "key")});
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            List<Object> out = new ArrayList<>();
            for (String[] t : tasks) {
                Map<String, Object> task = new LinkedHashMap<>();
                task.put("taskId", base64(15));
                task.put("s3Key", t[1]);
                task.put("s3VersionId", null);
                task.put("s3BucketArn", "arn:" + partition() + ":s3:::" + t[0]);
                out.add(task);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("invocationSchemaVersion", "1.0");
            root.put("invocationId", base64(36));
            root.put("job", new LinkedHashMap<>(Map.of("id", uuid())));
            root.put("tasks", out);
            return root;
        }
    }

    /** Schema 2.0: builds an {@link S3BatchEventV2}. */
    public static final class V2 extends EventBuilder<V2, S3BatchEventV2> {
        private final List<String[]> tasks = new ArrayList<>();
        private final Map<String, Object> userArguments = new LinkedHashMap<>();

        private V2() {
            super(S3BatchEventV2.class);
        }

        public V2 tasks(String bucket, int count, IntFunction<String> key) {
            for (int i = 0; i < count; i++) {
                task(bucket, key.apply(i));
            }
            return this;
        }

        public V2 task(String bucket, String key) {
            tasks.add(new String[] {required(bucket, "bucket"), required(key, "key")});
            return this;
        }

        public V2 userArgument(String name, String value) {
            userArguments.put(required(name, "name"), required(value, "value"));
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            List<Object> out = new ArrayList<>();
            for (String[] t : tasks) {
                Map<String, Object> task = new LinkedHashMap<>();
                task.put("taskId", base64(15));
                task.put("s3Key", t[1]);
                task.put("s3VersionId", null);
                task.put("s3Bucket", t[0]);
                out.add(task);
            }
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("id", uuid());
            job.put("userArguments", userArguments);
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("invocationSchemaVersion", "2.0");
            root.put("invocationId", base64(36));
            root.put("job", job);
            root.put("tasks", out);
            return root;
        }
    }
}

package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * CodePipeline invoke actions: the job, with the action's configuration, its input and output artifacts in S3 and
 * the temporary credentials to reach them. The function answers with {@code PutJobSuccessResult} or
 * {@code PutJobFailureResult} and the job id. The events library has no class for it, so {@link Builder#build()}
 * gives nested maps.
 *
 * <pre>{@code
 * Map<String, Object> job = CodePipelineEvents.job("deploy-fn")
 *         .userParameters("{\"stage\":\"prod\"}")
 *         .inputArtifact("BuildOutput", "pipeline-artifacts", "app/BuildOutpu/abc123.zip")
 *         .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CodePipelineEvents {

    private CodePipelineEvents() {}

    /** A job for the action that invokes the named function. */
    public static Builder job(String functionName) {
        return new Builder(EventBuilder.required(functionName, "functionName"));
    }

    /** Builds a CodePipeline job event as a map. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static final class Builder extends EventBuilder<Builder, Map> {
        private final String functionName;
        private final List<Object> inputs = new ArrayList<>();
        private final List<Object> outputs = new ArrayList<>();
        private String userParameters;
        private String continuationToken;

        private Builder(String functionName) {
            super(Map.class);
            this.functionName = functionName;
        }

        /** The action's {@code UserParameters} text. */
        public Builder userParameters(String userParameters) {
            this.userParameters = userParameters;
            return this;
        }

        public Builder inputArtifact(String name, String bucket, String key) {
            inputs.add(artifact(name, bucket, key));
            return this;
        }

        public Builder outputArtifact(String name, String bucket, String key) {
            outputs.add(artifact(name, bucket, key));
            return this;
        }

        /** A continued job: the token the function returned with its last {@code PutJobSuccessResult}. */
        public Builder continuationToken(String token) {
            this.continuationToken = required(token, "token");
            return this;
        }

        private static Map<String, Object> artifact(String name, String bucket, String key) {
            Map<String, Object> s3 = new LinkedHashMap<>();
            s3.put("bucketName", required(bucket, "bucket"));
            s3.put("objectKey", required(key, "key"));
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("s3Location", s3);
            location.put("type", "S3");
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("location", location);
            a.put("revision", null);
            a.put("name", required(name, "name"));
            return a;
        }

        @Override
        protected Map<String, Object> tree() {
            Map<String, Object> configuration = new LinkedHashMap<>();
            configuration.put("FunctionName", functionName);
            if (userParameters != null) {
                configuration.put("UserParameters", userParameters);
            }
            Map<String, Object> credentials = new LinkedHashMap<>();
            credentials.put("accessKeyId", "ASIA" + upperAlnum(16));
            credentials.put("secretAccessKey", base64(30));
            credentials.put("sessionToken", base64(180));
            credentials.put("expirationTime", now().plusSeconds(3600).toEpochMilli());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("actionConfiguration", Map.of("configuration", configuration));
            data.put("inputArtifacts", inputs);
            data.put("outputArtifacts", outputs);
            data.put("artifactCredentials", credentials);
            if (continuationToken != null) {
                data.put("continuationToken", continuationToken);
            }
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("id", uuid());
            job.put("accountId", accountId());
            job.put("data", data);
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("CodePipeline.job", job);
            return root;
        }
    }
}

package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.S3ObjectLambdaEvent;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * S3 Object Lambda {@code GetObject} requests: the pre-signed URL the function reads the original object from
 * ({@code inputS3Url}), the route and token it answers with through {@code WriteGetObjectResponse}, the access points,
 * the caller's request and identity.
 *
 * <pre>{@code
 * S3ObjectLambdaEvent event = S3ObjectLambdaEvents.getObject("reports", "2026/11/summary.csv")
 *         .inputS3Url(URI.create(server + "/summary.csv")).build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class S3ObjectLambdaEvents {

    private S3ObjectLambdaEvents() {}

    /** A caller's {@code GetObject} of {@code key} through the Object Lambda access point {@code accessPoint}. */
    public static Builder getObject(String accessPoint, String key) {
        return new Builder(EventBuilder.required(accessPoint, "accessPoint"), EventBuilder.required(key, "key"));
    }

    /** Builds an {@link S3ObjectLambdaEvent}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder extends EventBuilder<Builder, S3ObjectLambdaEvent> {
        private final String accessPoint;
        private final String key;
        private String inputS3Url;
        private String payload = "";
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder(String accessPoint, String key) {
            super(S3ObjectLambdaEvent.class);
            if (!accessPoint.matches("[a-z0-9][a-z0-9-]{1,48}[a-z0-9]")) {
                throw new IllegalArgumentException("accessPoint must be 3 to 50 lower-case letters, digits or "
                        + "hyphens, but was '" + accessPoint + "'");
            }
            this.accessPoint = accessPoint;
            this.key = key;
        }

        /** Where the function reads the original object: a local server in tests; a pre-signed S3 URL by default. */
        public Builder inputS3Url(URI url) {
            this.inputS3Url = required(url, "url").toString();
            return this;
        }

        /** The access point's configured payload, passed to every invocation. */
        public Builder payload(String payload) {
            this.payload = required(payload, "payload");
            return this;
        }

        /** A header of the caller's request. */
        public Builder header(String name, String value) {
            headers.put(required(name, "name"), required(value, "value"));
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            String supporting = accessPoint + "-supporting";
            String host = "object-lambda-" + accountId() + ".s3-object-lambda." + region() + "." + dnsSuffix();
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("xAmzRequestId", upperAlnum(16));
            Map<String, Object> context = new LinkedHashMap<>();
            context.put(
                    "inputS3Url",
                    inputS3Url != null
                            ? inputS3Url
                            : "https://" + supporting + "-" + accountId() + ".s3-accesspoint." + region()
                                    + ".amazonaws.com/" + key
                                    + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Security-Token="
                                    + base64(24) + "&X-Amz-SignedHeaders=host&X-Amz-Expires=61&X-Amz-Signature="
                                    + hex(64));
            String[] parts = region().split("-"); // us-east-1 -> use1, as the routes are named
            context.put(
                    "outputRoute", "io-" + parts[0] + parts[1].charAt(0) + parts[parts.length - 1] + "-" + digits(3));
            context.put("outputToken", base64(48));
            root.put("getObjectContext", context);
            Map<String, Object> configuration = new LinkedHashMap<>();
            configuration.put(
                    "accessPointArn",
                    "arn:" + partition() + ":s3-object-lambda:" + region() + ":" + accountId() + ":accesspoint/"
                            + accessPoint);
            configuration.put(
                    "supportingAccessPointArn",
                    "arn:" + partition() + ":s3:" + region() + ":" + accountId() + ":accesspoint/" + supporting);
            configuration.put("payload", payload);
            root.put("configuration", configuration);
            Map<String, String> sent = new LinkedHashMap<>();
            sent.put("Host", host);
            sent.put("Accept-Encoding", "identity");
            sent.put("X-Amz-Content-SHA256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
            sent.putAll(headers);
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("url", "https://" + host + "/" + key);
            request.put("headers", sent);
            root.put("userRequest", request);
            Map<String, Object> identity = new LinkedHashMap<>();
            identity.put("type", "AssumedRole");
            identity.put("principalId", "AROA" + upperAlnum(17) + ":caller");
            identity.put("arn", "arn:" + partition() + ":sts::" + accountId() + ":assumed-role/Reader/caller");
            identity.put("accountId", accountId());
            identity.put("accessKeyId", "ASIA" + upperAlnum(16));
            root.put("userIdentity", identity);
            root.put("protocolVersion", "1.00");
            return root;
        }
    }
}

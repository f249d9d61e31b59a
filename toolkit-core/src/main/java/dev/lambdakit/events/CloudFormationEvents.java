package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * CloudFormation custom resource requests, as CloudFormation sends them to a function-backed custom resource: the
 * request type, the stack, the resource's properties (scalars as strings, as CloudFormation passes them, with the
 * {@code ServiceToken} among them), and the pre-signed {@code ResponseURL} the function must PUT its answer to. Point
 * that URL at a {@link dev.lambdakit.server.CustomResourceResponses} to assert on the answer.
 *
 * <pre>{@code
 * try (CustomResourceResponses responses = CustomResourceResponses.start()) {
 *     CloudFormationCustomResourceEvent event = CloudFormationEvents.customResource("Custom::Database")
 *             .create().property("Name", "orders").responseUrl(responses.url()).build();
 *     fn.invoke(event);
 *     assertThat(responses.only().status()).isEqualTo("SUCCESS");
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CloudFormationEvents {

    /** The request types, in a resource's life. */
    public static final List<String> REQUEST_TYPES = List.of("Create", "Update", "Delete");

    private CloudFormationEvents() {}

    /**
     * A request for a resource of {@code resourceType}: {@code Custom::<Name>} or
     * {@code AWS::CloudFormation::CustomResource}. A {@code Create} unless {@link Builder#update} or
     * {@link Builder#delete} says otherwise.
     */
    public static Builder customResource(String resourceType) {
        EventBuilder.required(resourceType, "resourceType");
        if (!resourceType.matches("Custom::[A-Za-z0-9_@-]{1,60}")
                && !resourceType.equals("AWS::CloudFormation::CustomResource")) {
            throw new IllegalArgumentException("resourceType must be Custom::<name> (letters, digits, _ @ -; up to 60) "
                    + "or AWS::CloudFormation::CustomResource, but was '" + resourceType + "'");
        }
        return new Builder(resourceType);
    }

    /** Builds a {@link CloudFormationCustomResourceEvent}. */
    public static final class Builder extends EventBuilder<Builder, CloudFormationCustomResourceEvent> {
        private final String resourceType;
        private String requestType = "Create";
        private String logicalResourceId;
        private String stackName = "MyStack";
        private String physicalResourceId;
        private String serviceToken;
        private URI responseUrl;
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private Map<String, Object> oldProperties;

        private Builder(String resourceType) {
            super(CloudFormationCustomResourceEvent.class);
            this.resourceType = resourceType;
            String name = resourceType.startsWith("Custom::") ? resourceType.substring(8) : "CustomResource";
            this.logicalResourceId = name.replaceAll("[^A-Za-z0-9]", "");
        }

        /** A {@code Create} request (the default). */
        public Builder create() {
            this.requestType = "Create";
            this.physicalResourceId = null;
            this.oldProperties = null;
            return this;
        }

        /** An {@code Update} of the resource the function named {@code physicalResourceId}, from its old properties. */
        public Builder update(String physicalResourceId, Map<String, ?> oldProperties) {
            this.requestType = "Update";
            this.physicalResourceId = required(physicalResourceId, "physicalResourceId");
            this.oldProperties = new LinkedHashMap<>(Objects.requireNonNull(oldProperties, "oldProperties"));
            return this;
        }

        /** A {@code Delete} of the resource the function named {@code physicalResourceId}. */
        public Builder delete(String physicalResourceId) {
            this.requestType = "Delete";
            this.physicalResourceId = required(physicalResourceId, "physicalResourceId");
            this.oldProperties = null;
            return this;
        }

        /** The resource's name in the template ({@code LogicalResourceId}); the type's name by default. */
        public Builder logicalResourceId(String logicalResourceId) {
            if (logicalResourceId == null || !logicalResourceId.matches("[A-Za-z0-9]{1,255}")) {
                throw new IllegalArgumentException(
                        "logicalResourceId must be 1 to 255 letters or digits, but was '" + logicalResourceId + "'");
            }
            this.logicalResourceId = logicalResourceId;
            return this;
        }

        /** The stack's name, in {@code StackId}; {@code MyStack} by default. */
        public Builder stackName(String stackName) {
            if (stackName == null || !stackName.matches("[A-Za-z][A-Za-z0-9-]{0,127}")) {
                throw new IllegalArgumentException("stackName must start with a letter and hold up to 128 letters, "
                        + "digits or hyphens, but was '" + stackName + "'");
            }
            this.stackName = stackName;
            return this;
        }

        /**
         * One of the resource's properties. Strings, numbers and booleans arrive as strings, as CloudFormation sends
         * them; lists and maps keep their shape with their scalars as strings.
         */
        public Builder property(String name, Object value) {
            properties.put(required(name, "name"), value);
            return this;
        }

        /** Every property at once, added to those already set. */
        public Builder properties(Map<String, ?> properties) {
            this.properties.putAll(Objects.requireNonNull(properties, "properties"));
            return this;
        }

        /** The function's ARN as the template names it ({@code ServiceToken}); a function ARN by default. */
        public Builder serviceToken(String serviceToken) {
            this.serviceToken = required(serviceToken, "serviceToken");
            return this;
        }

        /** Where the function must PUT its answer: a pre-signed S3 URL by default, a local capture in tests. */
        public Builder responseUrl(URI responseUrl) {
            this.responseUrl = Objects.requireNonNull(responseUrl, "responseUrl");
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            String token = serviceToken != null
                    ? serviceToken
                    : "arn:" + partition() + ":lambda:" + region() + ":" + accountId()
                            + ":function:custom-resource-provider";
            String stackId = "arn:" + partition() + ":cloudformation:" + region() + ":" + accountId() + ":stack/"
                    + stackName + "/" + uuid();
            String requestId = uuid();
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("RequestType", requestType);
            root.put("ServiceToken", token);
            root.put("ResponseURL", (responseUrl != null ? responseUrl : presigned(stackId, requestId)).toString());
            root.put("StackId", stackId);
            root.put("RequestId", requestId);
            root.put("LogicalResourceId", logicalResourceId);
            if (physicalResourceId != null) {
                root.put("PhysicalResourceId", physicalResourceId);
            }
            root.put("ResourceType", resourceType);
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("ServiceToken", token);
            properties.forEach((k, v) -> props.put(k, asSent(v)));
            root.put("ResourceProperties", props);
            if (oldProperties != null) {
                Map<String, Object> old = new LinkedHashMap<>();
                old.put("ServiceToken", token);
                oldProperties.forEach((k, v) -> old.put(k, asSent(v)));
                root.put("OldResourceProperties", old);
            }
            return root;
        }

        /** The URL CloudFormation pre-signs for the response object in its regional bucket. */
        private URI presigned(String stackId, String requestId) {
            String key =
                    URLEncoder.encode(stackId, StandardCharsets.UTF_8) + "%7C" + logicalResourceId + "%7C" + requestId;
            return URI.create("https://cloudformation-custom-resource-response-" + region().replace("-", "")
                    + ".s3." + region() + "." + dnsSuffix() + "/" + key + "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                    + "&X-Amz-Date=" + isoSeconds(now()).replace("-", "").replace(":", "")
                    + "&X-Amz-SignedHeaders=host&X-Amz-Expires=7200&X-Amz-Credential=AKIA" + upperAlnum(16)
                    + "%2F" + isoSeconds(now()).substring(0, 10).replace("-", "") + "%2F" + region()
                    + "%2Fs3%2Faws4_request&X-Amz-Signature=" + hex(64));
        }

        private static Object asSent(Object value) {
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(String.valueOf(k), asSent(v)));
                return out;
            }
            if (value instanceof List<?> list) {
                return list.stream().map(Builder::asSent).toList();
            }
            return value == null ? null : String.valueOf(value);
        }
    }
}

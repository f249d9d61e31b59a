package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import dev.lambdakit.events.internal.JsonText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * AWS Config custom rules: a configuration change of one resource, or the periodic evaluation. As Config sends it,
 * {@code invokingEvent} and {@code ruleParameters} are JSON documents inside strings, and {@code resultToken} is
 * what the function hands back to {@code PutEvaluations}.
 *
 * <pre>{@code
 * ConfigEvent change = ConfigEvents.configurationChange("s3-encryption", "AWS::S3::Bucket", "receipts")
 *         .configuration(Map.of("bucketEncryption", "AES256"))
 *         .ruleParameter("required", "true")
 *         .build();
 * ConfigEvent periodic = ConfigEvents.periodic("daily-check").build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ConfigEvents {

    private ConfigEvents() {}

    /** A {@code ConfigurationItemChangeNotification} for the resource. */
    public static Builder configurationChange(String ruleName, String resourceType, String resourceId) {
        return new Builder(
                EventBuilder.required(ruleName, "ruleName"),
                EventBuilder.required(resourceType, "resourceType"),
                EventBuilder.required(resourceId, "resourceId"));
    }

    /** A {@code ScheduledNotification}: the rule runs on its schedule with no resource. */
    public static Builder periodic(String ruleName) {
        return new Builder(EventBuilder.required(ruleName, "ruleName"), null, null);
    }

    /** Builds a {@link ConfigEvent}. */
    public static final class Builder extends EventBuilder<Builder, ConfigEvent> {
        private final String ruleName;
        private final String resourceType;
        private final String resourceId;
        private final Map<String, Object> ruleParameters = new LinkedHashMap<>();
        private final Map<String, Object> tags = new LinkedHashMap<>();
        private Map<String, Object> configuration = new LinkedHashMap<>();
        private String status = "OK";
        private String arn;
        private boolean leftScope;

        private Builder(String ruleName, String resourceType, String resourceId) {
            super(ConfigEvent.class);
            this.ruleName = ruleName;
            this.resourceType = resourceType;
            this.resourceId = resourceId;
        }

        /** The resource's configuration as Config recorded it. */
        public Builder configuration(Map<String, ?> configuration) {
            this.configuration = new LinkedHashMap<>(required(configuration, "configuration"));
            return this;
        }

        /** The resource's ARN, where the default ({@code service:region:account:type/id}) is not its form. */
        public Builder arn(String arn) {
            this.arn = required(arn, "arn");
            return this;
        }

        public Builder tag(String key, String value) {
            tags.put(required(key, "key"), required(value, "value"));
            return this;
        }

        public Builder ruleParameter(String name, String value) {
            ruleParameters.put(required(name, "name"), required(value, "value"));
            return this;
        }

        /** The resource was deleted: status {@code ResourceDeleted}, no configuration, and it left the scope. */
        public Builder deleted() {
            this.status = "ResourceDeleted";
            this.configuration = null;
            this.leftScope = true;
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            Instant at = now();
            String ruleId = "config-rule-" + hex(6);
            Map<String, Object> invoking = new LinkedHashMap<>();
            if (resourceType != null) {
                invoking.put("configurationItemDiff", null);
                invoking.put("configurationItem", item(at));
                invoking.put("notificationCreationTime", isoMillis(at));
                invoking.put("messageType", "ConfigurationItemChangeNotification");
            } else {
                invoking.put("awsAccountId", accountId());
                invoking.put("notificationCreationTime", isoMillis(at));
                invoking.put("messageType", "ScheduledNotification");
            }
            invoking.put("recordVersion", "1.0");
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("version", "1.0");
            root.put("invokingEvent", JsonText.write(invoking));
            root.put("ruleParameters", JsonText.write(ruleParameters));
            root.put("resultToken", base64(96));
            root.put("eventLeftScope", leftScope);
            root.put("executionRoleArn", "arn:" + partition() + ":iam::" + accountId() + ":role/config-role");
            root.put(
                    "configRuleArn",
                    "arn:" + partition() + ":config:" + region() + ":" + accountId() + ":config-rule/" + ruleId);
            root.put("configRuleName", ruleName);
            root.put("configRuleId", ruleId);
            root.put("accountId", accountId());
            root.put("evaluationMode", "DETECTIVE");
            return root;
        }

        private Map<String, Object> item(Instant at) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("relatedEvents", new ArrayList<>());
            item.put("relationships", new ArrayList<>());
            item.put("configuration", configuration);
            item.put("supplementaryConfiguration", new LinkedHashMap<>());
            item.put("tags", tags);
            item.put("configurationItemVersion", "1.3");
            item.put("configurationItemCaptureTime", isoMillis(at));
            item.put("configurationStateId", at.toEpochMilli());
            item.put("awsAccountId", accountId());
            item.put("configurationItemStatus", status);
            item.put("resourceType", resourceType);
            item.put("resourceId", resourceId);
            item.put("resourceName", resourceId);
            item.put("ARN", resourceArn());
            item.put("awsRegion", region());
            item.put("availabilityZone", "Not Applicable");
            item.put("configurationStateMd5Hash", "");
            item.put("resourceCreationTime", isoMillis(at.minusSeconds(86_400)));
            return item;
        }

        // Most resource ARNs follow service:region:account:type/id; S3 and IAM are global; arn(..) covers the rest.
        private String resourceArn() {
            if (arn != null) {
                return arn;
            }
            String[] parts = resourceType.split("::");
            String service = parts[1].toLowerCase(Locale.ROOT);
            String type = parts[parts.length - 1].toLowerCase(Locale.ROOT);
            return switch (service) {
                case "s3" -> "arn:" + partition() + ":s3:::" + resourceId;
                case "iam" -> "arn:" + partition() + ":iam::" + accountId() + ":" + type + "/" + resourceId;
                default ->
                    "arn:" + partition() + ":" + service + ":" + region() + ":" + accountId() + ":" + type + "/"
                            + resourceId;
            };
        }
    }
}

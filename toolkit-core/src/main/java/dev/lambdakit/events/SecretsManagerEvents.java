package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.SecretsManagerRotationEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Secrets Manager rotation steps, as Secrets Manager invokes a rotation function.
 *
 * <pre>{@code
 * SecretsManagerRotationEvent event = SecretsManagerEvents.rotation("db-password").step("createSecret").build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SecretsManagerEvents {

    /** The four steps, in the order Secrets Manager runs them. */
    public static final List<String> STEPS = List.of("createSecret", "setSecret", "testSecret", "finishSecret");

    private SecretsManagerEvents() {}

    public static Builder rotation(String secretName) {
        return new Builder(EventBuilder.required(secretName, "secretName"));
    }

    /** Builds a {@link SecretsManagerRotationEvent}. */
    public static final class Builder extends EventBuilder<Builder, SecretsManagerRotationEvent> {
        private final String secretName;
        private String step = "createSecret";
        private String token;

        private Builder(String secretName) {
            super(SecretsManagerRotationEvent.class);
            this.secretName = secretName;
        }

        /** One of {@link #STEPS}. */
        public Builder step(String step) {
            if (!STEPS.contains(step)) {
                throw new IllegalArgumentException("step must be one of " + STEPS + ", but was '" + step + "'");
            }
            this.step = step;
            return this;
        }

        /** The version being rotated to ({@code ClientRequestToken}); a UUID by default. */
        public Builder clientRequestToken(String token) {
            this.token = token;
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("Step", step);
            root.put(
                    "SecretId",
                    "arn:" + partition() + ":secretsmanager:" + region() + ":" + accountId() + ":secret:" + secretName
                            + "-" + upperAlnum(6));
            root.put("ClientRequestToken", token != null ? token : uuid());
            root.put("RotationToken", uuid());
            return root;
        }
    }
}

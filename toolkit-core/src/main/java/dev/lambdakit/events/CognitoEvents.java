package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreSignUpEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Cognito user pool triggers: pre sign-up and pre token generation, with the response part empty, as Cognito sends
 * it for the function to fill.
 *
 * <pre>{@code
 * CognitoUserPoolPreSignUpEvent signUp = CognitoEvents.preSignUp("jane").userAttribute("email", "jane@example.com")
 *         .build();
 * CognitoUserPoolPreTokenGenerationEvent token = CognitoEvents.preTokenGeneration("jane").group("admins").build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CognitoEvents {

    private CognitoEvents() {}

    public static PreSignUp preSignUp(String userName) {
        return new PreSignUp(EventBuilder.required(userName, "userName"));
    }

    public static PreTokenGeneration preTokenGeneration(String userName) {
        return new PreTokenGeneration(EventBuilder.required(userName, "userName"));
    }

    /** What every user pool trigger shares. */
    public abstract static class Trigger<SELF extends Trigger<SELF, E>, E> extends EventBuilder<SELF, E> {
        private final String userName;
        private String triggerSource;
        private String userPoolId;
        private String clientId = "4a1b2c3d4e5f6g7h8i9j0k1l2m";
        protected final Map<String, Object> userAttributes = new LinkedHashMap<>();
        protected final Map<String, Object> clientMetadata = new LinkedHashMap<>();

        protected Trigger(Class<E> type, String userName, String triggerSource) {
            super(type);
            this.userName = userName;
            this.triggerSource = triggerSource;
        }

        /** For example {@code PreSignUp_AdminCreateUser} or {@code TokenGeneration_Authentication}. */
        public SELF triggerSource(String triggerSource) {
            this.triggerSource = required(triggerSource, "triggerSource");
            return self();
        }

        public SELF userPoolId(String userPoolId) {
            this.userPoolId = required(userPoolId, "userPoolId");
            return self();
        }

        public SELF clientId(String clientId) {
            this.clientId = required(clientId, "clientId");
            return self();
        }

        public SELF userAttribute(String name, String value) {
            userAttributes.put(required(name, "name"), required(value, "value"));
            return self();
        }

        public SELF clientMetadata(String name, String value) {
            clientMetadata.put(required(name, "name"), required(value, "value"));
            return self();
        }

        protected abstract Map<String, Object> request();

        protected abstract Map<String, Object> response();

        @Override
        protected Map<String, Object> tree() {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("version", "1");
            root.put("triggerSource", triggerSource);
            root.put("region", region());
            root.put("userPoolId", userPoolId != null ? userPoolId : region() + "_" + upperAlnum(9));
            root.put("userName", userName);
            Map<String, Object> caller = new LinkedHashMap<>();
            caller.put("awsSdkVersion", "aws-sdk-unknown-unknown");
            caller.put("clientId", clientId);
            root.put("callerContext", caller);
            root.put("request", request());
            root.put("response", response());
            return root;
        }
    }

    /** Builds a {@link CognitoUserPoolPreSignUpEvent}. */
    public static final class PreSignUp extends Trigger<PreSignUp, CognitoUserPoolPreSignUpEvent> {
        private final Map<String, Object> validationData = new LinkedHashMap<>();

        private PreSignUp(String userName) {
            super(CognitoUserPoolPreSignUpEvent.class, userName, "PreSignUp_SignUp");
        }

        public PreSignUp validationData(String name, String value) {
            validationData.put(required(name, "name"), required(value, "value"));
            return this;
        }

        @Override
        protected Map<String, Object> request() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("userAttributes", userAttributes);
            r.put("validationData", validationData);
            r.put("clientMetadata", clientMetadata);
            return r;
        }

        @Override
        protected Map<String, Object> response() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("autoConfirmUser", false);
            r.put("autoVerifyPhone", false);
            r.put("autoVerifyEmail", false);
            return r;
        }
    }

    /** Builds a {@link CognitoUserPoolPreTokenGenerationEvent}. */
    public static final class PreTokenGeneration
            extends Trigger<PreTokenGeneration, CognitoUserPoolPreTokenGenerationEvent> {
        private final List<String> groups = new ArrayList<>();
        private final List<String> roles = new ArrayList<>();
        private String preferredRole;

        private PreTokenGeneration(String userName) {
            super(CognitoUserPoolPreTokenGenerationEvent.class, userName, "TokenGeneration_HostedAuth");
        }

        public PreTokenGeneration group(String group) {
            groups.add(required(group, "group"));
            return this;
        }

        public PreTokenGeneration iamRole(String roleArn) {
            roles.add(required(roleArn, "roleArn"));
            return this;
        }

        public PreTokenGeneration preferredRole(String roleArn) {
            this.preferredRole = roleArn;
            return this;
        }

        @Override
        protected Map<String, Object> request() {
            Map<String, Object> groupConfiguration = new LinkedHashMap<>();
            groupConfiguration.put("groupsToOverride", groups);
            groupConfiguration.put("iamRolesToOverride", roles);
            groupConfiguration.put("preferredRole", preferredRole);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("userAttributes", userAttributes);
            r.put("groupConfiguration", groupConfiguration);
            r.put("clientMetadata", clientMetadata);
            return r;
        }

        @Override
        protected Map<String, Object> response() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("claimsOverrideDetails", null);
            return r;
        }
    }
}

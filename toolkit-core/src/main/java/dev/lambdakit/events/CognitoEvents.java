package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCustomMessageEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolMigrateUserEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreSignUpEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEventV2;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Cognito user pool triggers for sign-up, confirmation, migration, messages and tokens, with the response part
 * empty (its fields {@code null}), as Cognito sends it for the function to fill. The authentication triggers are in
 * {@link CognitoAuthEvents}.
 *
 * <pre>{@code
 * CognitoUserPoolPreSignUpEvent signUp = CognitoEvents.preSignUp("jane").userAttribute("email", "jane@example.com")
 *         .build();
 * CognitoUserPoolPreTokenGenerationEventV2 token = CognitoEvents.preTokenGenerationV2("jane").scope("openid").build();
 * CognitoUserPoolCustomMessageEvent message = CognitoEvents.customMessage("jane").build();
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

    /** The version 2 event (access-token customization), sent when the pool's trigger is configured as V2_0. */
    public static PreTokenGenerationV2 preTokenGenerationV2(String userName) {
        return new PreTokenGenerationV2(EventBuilder.required(userName, "userName"));
    }

    public static PostConfirmation postConfirmation(String userName) {
        return new PostConfirmation(EventBuilder.required(userName, "userName"));
    }

    /** User migration at sign-in, with the password the user typed; {@code triggerSource} selects forgot-password. */
    public static UserMigration userMigration(String userName, String password) {
        return new UserMigration(EventBuilder.required(userName, "userName"), password);
    }

    /** The sign-up verification message by default; {@code triggerSource} selects the others. */
    public static CustomMessage customMessage(String userName) {
        return new CustomMessage(EventBuilder.required(userName, "userName"));
    }

    /**
     * A custom email sender request, the code encrypted as Cognito does it (with the pool's KMS key, so the test
     * supplies the ciphertext it can decrypt, or any Base64 when the handler's decryption is mocked). The events
     * library has no class for it, so this builds a map.
     */
    public static CustomSender customEmailSender(String userName, String encryptedCode) {
        return new CustomSender(EventBuilder.required(userName, "userName"), "Email", encryptedCode);
    }

    /** A custom SMS sender request; see {@link #customEmailSender(String, String)}. */
    public static CustomSender customSmsSender(String userName, String encryptedCode) {
        return new CustomSender(EventBuilder.required(userName, "userName"), "SMS", encryptedCode);
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

        protected final String triggerSource() {
            return triggerSource;
        }

        protected abstract Map<String, Object> request();

        protected abstract Map<String, Object> response();

        protected String version() {
            return "1";
        }

        @Override
        protected Map<String, Object> tree() {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("version", version());
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

        /** A request with the user's attributes and the client metadata, the part every trigger sends. */
        protected Map<String, Object> userRequest() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("userAttributes", userAttributes);
            r.put("clientMetadata", clientMetadata);
            return r;
        }

        /** A response of the given fields, each {@code null} until the function sets it. */
        protected static Map<String, Object> nulls(String... fields) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (String f : fields) {
                r.put(f, null);
            }
            return r;
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

    /** What both pre token generation versions share: the groups and roles the token may carry. */
    public abstract static class TokenTrigger<SELF extends TokenTrigger<SELF, E>, E> extends Trigger<SELF, E> {
        private final List<String> groups = new ArrayList<>();
        private final List<String> roles = new ArrayList<>();
        private String preferredRole;

        TokenTrigger(Class<E> type, String userName, String triggerSource) {
            super(type, userName, triggerSource);
        }

        public SELF group(String group) {
            groups.add(required(group, "group"));
            return self();
        }

        public SELF iamRole(String roleArn) {
            roles.add(required(roleArn, "roleArn"));
            return self();
        }

        public SELF preferredRole(String roleArn) {
            this.preferredRole = roleArn;
            return self();
        }

        protected Map<String, Object> groupConfiguration() {
            Map<String, Object> groupConfiguration = new LinkedHashMap<>();
            groupConfiguration.put("groupsToOverride", groups);
            groupConfiguration.put("iamRolesToOverride", roles);
            groupConfiguration.put("preferredRole", preferredRole);
            return groupConfiguration;
        }
    }

    /** Builds a {@link CognitoUserPoolPreTokenGenerationEvent}. */
    public static final class PreTokenGeneration
            extends TokenTrigger<PreTokenGeneration, CognitoUserPoolPreTokenGenerationEvent> {
        private PreTokenGeneration(String userName) {
            super(CognitoUserPoolPreTokenGenerationEvent.class, userName, "TokenGeneration_HostedAuth");
        }

        @Override
        protected Map<String, Object> request() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("userAttributes", userAttributes);
            r.put("groupConfiguration", groupConfiguration());
            r.put("clientMetadata", clientMetadata);
            return r;
        }

        @Override
        protected Map<String, Object> response() {
            return nulls("claimsOverrideDetails");
        }
    }

    /** Builds a {@link CognitoUserPoolPreTokenGenerationEventV2}. */
    public static final class PreTokenGenerationV2
            extends TokenTrigger<PreTokenGenerationV2, CognitoUserPoolPreTokenGenerationEventV2> {
        private final List<String> scopes = new ArrayList<>();

        private PreTokenGenerationV2(String userName) {
            super(CognitoUserPoolPreTokenGenerationEventV2.class, userName, "TokenGeneration_Authentication");
        }

        /** An OAuth scope the access token carries, such as {@code openid}. */
        public PreTokenGenerationV2 scope(String scope) {
            scopes.add(required(scope, "scope"));
            return this;
        }

        @Override
        protected String version() {
            return "2";
        }

        @Override
        protected Map<String, Object> request() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("userAttributes", userAttributes);
            r.put("groupConfiguration", groupConfiguration());
            r.put("scopes", scopes);
            r.put("clientMetadata", clientMetadata);
            return r;
        }

        @Override
        protected Map<String, Object> response() {
            return nulls("claimsAndScopeOverrideDetails");
        }
    }

    /** Builds a {@link CognitoUserPoolPostConfirmationEvent}. */
    public static final class PostConfirmation extends Trigger<PostConfirmation, CognitoUserPoolPostConfirmationEvent> {
        private PostConfirmation(String userName) {
            super(CognitoUserPoolPostConfirmationEvent.class, userName, "PostConfirmation_ConfirmSignUp");
        }

        @Override
        protected Map<String, Object> request() {
            return userRequest();
        }

        @Override
        protected Map<String, Object> response() {
            return new LinkedHashMap<>();
        }
    }

    /** Builds a {@link CognitoUserPoolMigrateUserEvent}. */
    public static final class UserMigration extends Trigger<UserMigration, CognitoUserPoolMigrateUserEvent> {
        private final String userName;
        private final String password;
        private final Map<String, Object> validationData = new LinkedHashMap<>();

        private UserMigration(String userName, String password) {
            super(CognitoUserPoolMigrateUserEvent.class, userName, "UserMigration_Authentication");
            this.userName = userName;
            this.password = password;
        }

        public UserMigration validationData(String name, String value) {
            validationData.put(required(name, "name"), required(value, "value"));
            return this;
        }

        @Override
        protected Map<String, Object> request() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("userAttributes", userAttributes);
            r.put("validationData", validationData);
            r.put("clientMetadata", clientMetadata);
            r.put("userName", userName);
            if (password != null) {
                r.put("password", password);
            }
            return r;
        }

        @Override
        protected Map<String, Object> response() {
            return nulls(
                    "userAttributes",
                    "finalUserStatus",
                    "messageAction",
                    "desiredDeliveryMediums",
                    "forceAliasCreation",
                    "enableSMSMFA");
        }
    }

    /** Builds a {@link CognitoUserPoolCustomMessageEvent}. */
    public static final class CustomMessage extends Trigger<CustomMessage, CognitoUserPoolCustomMessageEvent> {
        private CustomMessage(String userName) {
            super(CognitoUserPoolCustomMessageEvent.class, userName, "CustomMessage_SignUp");
        }

        @Override
        protected Map<String, Object> request() {
            Map<String, Object> r = userRequest();
            r.put("codeParameter", "{####}");
            r.put("linkParameter", "{##Click Here##}");
            // Only the invitation of an admin-created user may show the user name.
            r.put("usernameParameter", "CustomMessage_AdminCreateUser".equals(triggerSource()) ? "{username}" : null);
            return r;
        }

        @Override
        protected Map<String, Object> response() {
            return nulls("smsMessage", "emailMessage", "emailSubject");
        }
    }

    /** Builds a custom email or SMS sender request as a map. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static final class CustomSender extends Trigger<CustomSender, Map> {
        private final String channel;
        private final String code;

        private CustomSender(String userName, String channel, String encryptedCode) {
            super(Map.class, userName, "Custom" + channel + "Sender_SignUp");
            this.channel = channel;
            this.code = required(encryptedCode, "encryptedCode");
        }

        @Override
        protected Map<String, Object> request() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("type", "custom" + channel + "SenderRequestV1");
            r.put("code", code);
            r.put("clientMetadata", clientMetadata);
            r.put("userAttributes", userAttributes);
            return r;
        }

        @Override
        protected Map<String, Object> response() {
            return new LinkedHashMap<>();
        }
    }
}

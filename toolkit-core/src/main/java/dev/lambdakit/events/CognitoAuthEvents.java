package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostAuthenticationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreAuthenticationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Cognito user pool authentication triggers: pre and post authentication, and the three custom-challenge triggers
 * (define, create, verify), with the session of challenges answered so far.
 *
 * <pre>{@code
 * CognitoUserPoolDefineAuthChallengeEvent define = CognitoAuthEvents.defineAuthChallenge("jane")
 *         .challenge("SRP_A", true)
 *         .challenge("PASSWORD_VERIFIER", true)
 *         .build();
 * CognitoUserPoolVerifyAuthChallengeResponseEvent verify = CognitoAuthEvents.verifyAuthChallenge("jane", "42")
 *         .privateChallengeParameter("answer", "42")
 *         .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CognitoAuthEvents {

    private CognitoAuthEvents() {}

    public static PreAuthentication preAuthentication(String userName) {
        return new PreAuthentication(EventBuilder.required(userName, "userName"));
    }

    public static PostAuthentication postAuthentication(String userName) {
        return new PostAuthentication(EventBuilder.required(userName, "userName"));
    }

    public static DefineAuthChallenge defineAuthChallenge(String userName) {
        return new DefineAuthChallenge(EventBuilder.required(userName, "userName"));
    }

    public static CreateAuthChallenge createAuthChallenge(String userName) {
        return new CreateAuthChallenge(EventBuilder.required(userName, "userName"));
    }

    public static VerifyAuthChallenge verifyAuthChallenge(String userName, String answer) {
        return new VerifyAuthChallenge(
                EventBuilder.required(userName, "userName"), EventBuilder.required(answer, "answer"));
    }

    /** Builds a {@link CognitoUserPoolPreAuthenticationEvent}. */
    public static final class PreAuthentication
            extends CognitoEvents.Trigger<PreAuthentication, CognitoUserPoolPreAuthenticationEvent> {
        private final Map<String, Object> validationData = new LinkedHashMap<>();
        private boolean userNotFound;

        private PreAuthentication(String userName) {
            super(CognitoUserPoolPreAuthenticationEvent.class, userName, "PreAuthentication_Authentication");
        }

        public PreAuthentication validationData(String name, String value) {
            validationData.put(required(name, "name"), required(value, "value"));
            return this;
        }

        /** Sent when the pool does not reveal whether users exist and this one does not. */
        public PreAuthentication userNotFound() {
            this.userNotFound = true;
            return this;
        }

        @Override
        protected Map<String, Object> request() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("userAttributes", userAttributes);
            r.put("validationData", validationData);
            r.put("userNotFound", userNotFound);
            return r;
        }

        @Override
        protected Map<String, Object> response() {
            return new LinkedHashMap<>();
        }
    }

    /** Builds a {@link CognitoUserPoolPostAuthenticationEvent}. */
    public static final class PostAuthentication
            extends CognitoEvents.Trigger<PostAuthentication, CognitoUserPoolPostAuthenticationEvent> {
        private boolean newDeviceUsed;

        private PostAuthentication(String userName) {
            super(CognitoUserPoolPostAuthenticationEvent.class, userName, "PostAuthentication_Authentication");
        }

        public PostAuthentication newDeviceUsed(boolean newDeviceUsed) {
            this.newDeviceUsed = newDeviceUsed;
            return this;
        }

        @Override
        protected Map<String, Object> request() {
            Map<String, Object> r = userRequest();
            r.put("newDeviceUsed", newDeviceUsed);
            return r;
        }

        @Override
        protected Map<String, Object> response() {
            return new LinkedHashMap<>();
        }
    }

    /** What the three custom-challenge triggers share: the challenges answered so far in this sign-in. */
    public abstract static class Challenge<SELF extends Challenge<SELF, E>, E> extends CognitoEvents.Trigger<SELF, E> {
        private final List<Map<String, Object>> session = new ArrayList<>();
        private boolean userNotFound;

        Challenge(Class<E> type, String userName, String triggerSource) {
            super(type, userName, triggerSource);
        }

        /** A challenge already answered, such as {@code PASSWORD_VERIFIER} or {@code CUSTOM_CHALLENGE}. */
        public SELF challenge(String challengeName, boolean answeredCorrectly) {
            return challenge(challengeName, answeredCorrectly, null);
        }

        /** A challenge already answered, with the metadata the create trigger gave it. */
        public SELF challenge(String challengeName, boolean answeredCorrectly, String challengeMetadata) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("challengeName", required(challengeName, "challengeName"));
            c.put("challengeResult", answeredCorrectly);
            c.put("challengeMetadata", challengeMetadata);
            session.add(c);
            return self();
        }

        public SELF userNotFound() {
            this.userNotFound = true;
            return self();
        }

        protected Map<String, Object> sessionRequest() {
            Map<String, Object> r = userRequest();
            r.put("session", session);
            r.put("userNotFound", userNotFound);
            return r;
        }
    }

    /** Builds a {@link CognitoUserPoolDefineAuthChallengeEvent}. */
    public static final class DefineAuthChallenge
            extends Challenge<DefineAuthChallenge, CognitoUserPoolDefineAuthChallengeEvent> {
        private DefineAuthChallenge(String userName) {
            super(CognitoUserPoolDefineAuthChallengeEvent.class, userName, "DefineAuthChallenge_Authentication");
        }

        @Override
        protected Map<String, Object> request() {
            return sessionRequest();
        }

        @Override
        protected Map<String, Object> response() {
            return nulls("challengeName", "issueTokens", "failAuthentication");
        }
    }

    /** Builds a {@link CognitoUserPoolCreateAuthChallengeEvent}. */
    public static final class CreateAuthChallenge
            extends Challenge<CreateAuthChallenge, CognitoUserPoolCreateAuthChallengeEvent> {
        private String challengeName = "CUSTOM_CHALLENGE";

        private CreateAuthChallenge(String userName) {
            super(CognitoUserPoolCreateAuthChallengeEvent.class, userName, "CreateAuthChallenge_Authentication");
        }

        /** The challenge the define trigger chose; {@code CUSTOM_CHALLENGE} unless set. */
        public CreateAuthChallenge challengeName(String challengeName) {
            this.challengeName = required(challengeName, "challengeName");
            return this;
        }

        @Override
        protected Map<String, Object> request() {
            Map<String, Object> r = sessionRequest();
            r.put("challengeName", challengeName);
            return r;
        }

        @Override
        protected Map<String, Object> response() {
            return nulls("publicChallengeParameters", "privateChallengeParameters", "challengeMetadata");
        }
    }

    /** Builds a {@link CognitoUserPoolVerifyAuthChallengeResponseEvent}. */
    public static final class VerifyAuthChallenge
            extends CognitoEvents.Trigger<VerifyAuthChallenge, CognitoUserPoolVerifyAuthChallengeResponseEvent> {
        private final String answer;
        private final Map<String, Object> privateParameters = new LinkedHashMap<>();
        private boolean userNotFound;

        private VerifyAuthChallenge(String userName, String answer) {
            super(
                    CognitoUserPoolVerifyAuthChallengeResponseEvent.class,
                    userName,
                    "VerifyAuthChallengeResponse_Authentication");
            this.answer = answer;
        }

        /** What the create trigger kept secret for the check, such as the expected answer. */
        public VerifyAuthChallenge privateChallengeParameter(String name, String value) {
            privateParameters.put(required(name, "name"), required(value, "value"));
            return this;
        }

        public VerifyAuthChallenge userNotFound() {
            this.userNotFound = true;
            return this;
        }

        @Override
        protected Map<String, Object> request() {
            Map<String, Object> r = userRequest();
            r.put("privateChallengeParameters", privateParameters);
            r.put("challengeAnswer", answer);
            r.put("userNotFound", userNotFound);
            return r;
        }

        @Override
        protected Map<String, Object> response() {
            return nulls("answerCorrect");
        }
    }
}

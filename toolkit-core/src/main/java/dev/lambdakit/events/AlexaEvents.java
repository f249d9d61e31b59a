package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Alexa Skills Kit requests: the request envelope (session, context, request) for a launch, an intent with its
 * slots, or the end of a session. The events library has no class for it (the Alexa SDK's {@code RequestEnvelope}
 * reads this JSON), so {@link Builder#build()} gives nested maps.
 *
 * <pre>{@code
 * Map<String, Object> ask = AlexaEvents.intent("GetWeatherIntent").slot("City", "Paris").locale("fr-FR").build();
 * String launch = AlexaEvents.launch().toJson();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AlexaEvents {

    private AlexaEvents() {}

    public static Builder launch() {
        return new Builder("LaunchRequest", null);
    }

    public static Builder intent(String intentName) {
        return new Builder("IntentRequest", EventBuilder.required(intentName, "intentName"));
    }

    /** The session ended: {@code USER_INITIATED}, {@code ERROR} or {@code EXCEEDED_MAX_REPROMPTS}. */
    public static Builder sessionEnded(String reason) {
        Builder b = new Builder("SessionEndedRequest", null);
        b.reason = EventBuilder.required(reason, "reason");
        return b;
    }

    /** Builds an Alexa request envelope as a map. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static final class Builder extends EventBuilder<Builder, Map> {
        private final String type;
        private final String intentName;
        private final Map<String, Object> slots = new LinkedHashMap<>();
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private String locale = "en-US";
        private boolean newSession = true;
        private String reason;

        private Builder(String type, String intentName) {
            super(Map.class);
            this.type = type;
            this.intentName = intentName;
        }

        /** A slot the user filled (intent requests). */
        public Builder slot(String name, String value) {
            if (intentName == null) {
                throw new IllegalStateException("only an intent request has slots; this is a " + type);
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", required(name, "name"));
            s.put("value", value);
            s.put("confirmationStatus", "NONE");
            s.put("source", "USER");
            slots.put(name, s);
            return this;
        }

        public Builder locale(String locale) {
            this.locale = required(locale, "locale");
            return this;
        }

        /** A request within an ongoing session, carrying the attributes the skill stored in it. */
        public Builder sessionAttribute(String name, Object value) {
            attributes.put(required(name, "name"), value);
            newSession = false;
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            Instant at = now();
            String skill = "amzn1.ask.skill." + uuid();
            String user = "amzn1.ask.account." + upperAlnum(60);
            Map<String, Object> application = Map.of("applicationId", skill);
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("new", newSession);
            session.put("sessionId", "amzn1.echo-api.session." + uuid());
            session.put("application", application);
            session.put("attributes", attributes);
            session.put("user", Map.of("userId", user));
            Map<String, Object> system = new LinkedHashMap<>();
            system.put("application", application);
            system.put("user", Map.of("userId", user));
            system.put(
                    "device",
                    Map.of("deviceId", "amzn1.ask.device." + upperAlnum(60), "supportedInterfaces", Map.of()));
            system.put("apiEndpoint", "https://api.amazonalexa.com");
            system.put("apiAccessToken", base64(48));
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("type", type);
            request.put("requestId", "amzn1.echo-api.request." + uuid());
            request.put("locale", locale);
            request.put("timestamp", isoSeconds(at));
            if (intentName != null) {
                Map<String, Object> intent = new LinkedHashMap<>();
                intent.put("name", intentName);
                intent.put("confirmationStatus", "NONE");
                intent.put("slots", slots);
                request.put("dialogState", "STARTED");
                request.put("intent", intent);
            }
            if (reason != null) {
                request.put("reason", reason);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("version", "1.0");
            root.put("session", session);
            root.put("context", Map.of("System", system));
            root.put("request", request);
            return root;
        }
    }
}

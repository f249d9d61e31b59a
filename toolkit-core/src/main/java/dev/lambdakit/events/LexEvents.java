package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.LexEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Amazon Lex code hooks: Lex V1 (the events library's {@link LexEvent}) and Lex V2, which the events library has no
 * class for, so {@link V2#build()} gives the JSON as nested maps. Slots not yet filled are {@code null}, as Lex
 * sends them.
 *
 * <pre>{@code
 * LexEvent v1 = LexEvents.dialogCodeHook("BookTrip", "BookHotel").slot("Location", "Chicago").slot("Nights", null)
 *         .build();
 * Map<String, Object> v2 = LexEvents.v2("BookTrip", "BookHotel").slot("Location", "Chicago").inputTranscript("Chicago")
 *         .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LexEvents {

    private LexEvents() {}

    /** Lex V1, called while the intent's slots are being elicited. */
    public static V1 dialogCodeHook(String botName, String intentName) {
        return new V1(
                EventBuilder.required(botName, "botName"),
                EventBuilder.required(intentName, "intentName"),
                "DialogCodeHook");
    }

    /** Lex V1, called to fulfil the intent once every slot is filled. */
    public static V1 fulfillmentCodeHook(String botName, String intentName) {
        return new V1(
                EventBuilder.required(botName, "botName"),
                EventBuilder.required(intentName, "intentName"),
                "FulfillmentCodeHook");
    }

    /** Lex V2, a dialog code hook by default. */
    public static V2 v2(String botName, String intentName) {
        return new V2(EventBuilder.required(botName, "botName"), EventBuilder.required(intentName, "intentName"));
    }

    /** What both versions share: the bot, the intent and its slots, the session's attributes. */
    public abstract static class Hook<SELF extends Hook<SELF, E>, E> extends EventBuilder<SELF, E> {
        protected final String botName;
        protected final String intentName;
        protected final Map<String, String> slots = new LinkedHashMap<>();
        protected final Map<String, Object> sessionAttributes = new LinkedHashMap<>();
        protected String inputTranscript = "";
        protected String invocationSource;

        Hook(Class<E> type, String botName, String intentName, String invocationSource) {
            super(type);
            this.botName = botName;
            this.intentName = intentName;
            this.invocationSource = invocationSource;
        }

        /** A slot's value; {@code null} for a slot not yet filled. */
        public SELF slot(String name, String value) {
            slots.put(required(name, "name"), value);
            return self();
        }

        public SELF sessionAttribute(String name, String value) {
            sessionAttributes.put(required(name, "name"), required(value, "value"));
            return self();
        }

        /** What the user said or typed. */
        public SELF inputTranscript(String text) {
            this.inputTranscript = required(text, "text");
            return self();
        }
    }

    /** Builds a {@link LexEvent}. */
    public static final class V1 extends Hook<V1, LexEvent> {
        private V1(String botName, String intentName, String invocationSource) {
            super(LexEvent.class, botName, intentName, invocationSource);
        }

        @Override
        protected Map<String, Object> tree() {
            Map<String, Object> details = new LinkedHashMap<>();
            slots.forEach((name, value) -> {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("resolutions", value == null ? List.of() : List.of(Map.of("value", value)));
                d.put("originalValue", value);
                details.put(name, d);
            });
            Map<String, Object> intent = new LinkedHashMap<>();
            intent.put("name", intentName);
            intent.put("slots", slots);
            intent.put("slotDetails", details);
            intent.put("confirmationStatus", "None");
            Map<String, Object> bot = new LinkedHashMap<>();
            bot.put("name", botName);
            bot.put("alias", "$LATEST");
            bot.put("version", "$LATEST");
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("messageVersion", "1.0");
            root.put("invocationSource", invocationSource);
            root.put("userId", "user-" + hex(12));
            root.put("inputTranscript", inputTranscript);
            root.put("sessionAttributes", sessionAttributes);
            root.put("requestAttributes", null);
            root.put("bot", bot);
            root.put("outputDialogMode", "Text");
            root.put("currentIntent", intent);
            root.put("recentIntentSummaryView", null);
            return root;
        }
    }

    /** Builds a Lex V2 code hook event as a map. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static final class V2 extends Hook<V2, Map> {
        private String localeId = "en_US";

        private V2(String botName, String intentName) {
            super(Map.class, botName, intentName, "DialogCodeHook");
        }

        /** The fulfilment hook instead of the dialog hook. */
        public V2 fulfillment() {
            this.invocationSource = "FulfillmentCodeHook";
            return this;
        }

        public V2 localeId(String localeId) {
            this.localeId = required(localeId, "localeId");
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            Map<String, Object> slotValues = new LinkedHashMap<>();
            slots.forEach((name, value) -> {
                if (value == null) {
                    slotValues.put(name, null);
                    return;
                }
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("originalValue", value);
                v.put("interpretedValue", value);
                v.put("resolvedValues", List.of(value));
                Map<String, Object> slot = new LinkedHashMap<>();
                slot.put("shape", "Scalar");
                slot.put("value", v);
                slotValues.put(name, slot);
            });
            boolean filled = !slots.containsValue(null);
            Map<String, Object> intent = new LinkedHashMap<>();
            intent.put("confirmationState", "None");
            intent.put("name", intentName);
            intent.put("slots", slotValues);
            intent.put("state", invocationSource.equals("FulfillmentCodeHook") ? "ReadyForFulfillment" : "InProgress");
            Map<String, Object> sessionState = new LinkedHashMap<>();
            sessionState.put("activeContexts", new ArrayList<>());
            sessionState.put("sessionAttributes", sessionAttributes);
            sessionState.put("intent", intent);
            sessionState.put("originatingRequestId", uuid());
            Map<String, Object> interpretation = new LinkedHashMap<>();
            interpretation.put("intent", intent);
            interpretation.put("nluConfidence", filled ? 1.0 : 0.92);
            interpretation.put("interpretationSource", "Lex");
            Map<String, Object> bot = new LinkedHashMap<>();
            bot.put("id", upperAlnum(10));
            bot.put("name", botName);
            bot.put("aliasId", "TSTALIASID");
            bot.put("aliasName", "TestBotAlias");
            bot.put("localeId", localeId);
            bot.put("version", "DRAFT");
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("messageVersion", "1.0");
            root.put("invocationSource", invocationSource);
            root.put("inputMode", "Text");
            root.put("responseContentType", "text/plain; charset=utf-8");
            root.put("sessionId", digits(15));
            root.put("inputTranscript", inputTranscript);
            root.put("bot", bot);
            root.put("interpretations", List.of(interpretation));
            root.put("requestAttributes", new LinkedHashMap<>());
            root.put("sessionState", sessionState);
            root.put("transcriptions", new ArrayList<>());
            return root;
        }
    }
}

package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Amazon Bedrock Agents action groups: the agent calls the function for an API operation (OpenAPI schema, with path,
 * method, parameters and request body) or for a function of a function-details action group. Parameter values are
 * text with a declared type, as the agent sends them. The events library has no class for it, so
 * {@link Builder#build()} gives nested maps.
 *
 * <pre>{@code
 * Map<String, Object> call = BedrockAgentEvents.apiOperation("bookings", "POST", "/bookings")
 *         .parameter("date", "string", "2026-12-24")
 *         .bodyProperty("guests", "integer", "2")
 *         .inputText("Book a table for two on Christmas Eve")
 *         .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class BedrockAgentEvents {

    private BedrockAgentEvents() {}

    /** An action group defined by an OpenAPI schema. */
    public static Builder apiOperation(String actionGroup, String httpMethod, String apiPath) {
        return new Builder(
                EventBuilder.required(actionGroup, "actionGroup"),
                EventBuilder.required(httpMethod, "httpMethod"),
                EventBuilder.required(apiPath, "apiPath"),
                null);
    }

    /** An action group defined by function details. */
    public static Builder function(String actionGroup, String function) {
        return new Builder(
                EventBuilder.required(actionGroup, "actionGroup"),
                null,
                null,
                EventBuilder.required(function, "function"));
    }

    /** Builds a Bedrock agent action group call as a map. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static final class Builder extends EventBuilder<Builder, Map> {
        private final String actionGroup;
        private final String httpMethod;
        private final String apiPath;
        private final String function;
        private final List<Object> parameters = new ArrayList<>();
        private final List<Object> bodyProperties = new ArrayList<>();
        private final Map<String, Object> sessionAttributes = new LinkedHashMap<>();
        private final Map<String, Object> promptSessionAttributes = new LinkedHashMap<>();
        private String agentName = "assistant";
        private String inputText = "";

        private Builder(String actionGroup, String httpMethod, String apiPath, String function) {
            super(Map.class);
            this.actionGroup = actionGroup;
            this.httpMethod = httpMethod;
            this.apiPath = apiPath;
            this.function = function;
        }

        public Builder agentName(String name) {
            this.agentName = required(name, "name");
            return this;
        }

        /** What the user said to the agent. */
        public Builder inputText(String text) {
            this.inputText = required(text, "text");
            return this;
        }

        /** A parameter the agent filled in, with its schema type ({@code string}, {@code integer}, ...). */
        public Builder parameter(String name, String type, String value) {
            parameters.add(parameterNode(name, type, value));
            return this;
        }

        /** A property of the {@code application/json} request body (API operations only). */
        public Builder bodyProperty(String name, String type, String value) {
            if (apiPath == null) {
                throw new IllegalStateException(
                        "a function-details action group has no request body; use parameter(..) instead");
            }
            bodyProperties.add(parameterNode(name, type, value));
            return this;
        }

        public Builder sessionAttribute(String name, String value) {
            sessionAttributes.put(required(name, "name"), required(value, "value"));
            return this;
        }

        public Builder promptSessionAttribute(String name, String value) {
            promptSessionAttributes.put(required(name, "name"), required(value, "value"));
            return this;
        }

        private static Map<String, Object> parameterNode(String name, String type, String value) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", required(name, "name"));
            p.put("type", required(type, "type"));
            p.put("value", required(value, "value"));
            return p;
        }

        @Override
        protected Map<String, Object> tree() {
            Map<String, Object> agent = new LinkedHashMap<>();
            agent.put("name", agentName);
            agent.put("id", upperAlnum(10));
            agent.put("alias", "TSTALIASID");
            agent.put("version", "DRAFT");
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("messageVersion", "1.0");
            root.put("agent", agent);
            root.put("inputText", inputText);
            root.put("sessionId", digits(15));
            root.put("actionGroup", actionGroup);
            if (apiPath != null) {
                root.put("apiPath", apiPath);
                root.put("httpMethod", httpMethod);
            } else {
                root.put("function", function);
            }
            root.put("parameters", parameters);
            if (apiPath != null && !bodyProperties.isEmpty()) {
                root.put(
                        "requestBody",
                        Map.of("content", Map.of("application/json", Map.of("properties", bodyProperties))));
            }
            root.put("sessionAttributes", sessionAttributes);
            root.put("promptSessionAttributes", promptSessionAttributes);
            return root;
        }
    }
}

package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.ConnectEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Amazon Connect contact flows invoking a function: the contact's data (caller, queue, attributes) and the flow
 * block's parameters.
 *
 * <pre>{@code
 * ConnectEvent call = ConnectEvents.contactFlow("+12065550100")
 *         .attribute("language", "en")
 *         .parameter("lookup", "account")
 *         .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ConnectEvents {

    private ConnectEvents() {}

    /** A voice contact from the caller's number. */
    public static Builder contactFlow(String customerPhoneNumber) {
        return new Builder(EventBuilder.required(customerPhoneNumber, "customerPhoneNumber"));
    }

    /** Builds a {@link ConnectEvent}. */
    public static final class Builder extends EventBuilder<Builder, ConnectEvent> {
        private final String customer;
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private String systemNumber = "+18005550199";
        private String queue = "BasicQueue";
        private String channel = "VOICE";

        private Builder(String customer) {
            super(ConnectEvent.class);
            this.customer = customer;
        }

        /** A contact attribute set earlier in the flow. */
        public Builder attribute(String name, String value) {
            attributes.put(required(name, "name"), required(value, "value"));
            return this;
        }

        /** A parameter the flow's Invoke AWS Lambda function block passes. */
        public Builder parameter(String name, String value) {
            parameters.put(required(name, "name"), required(value, "value"));
            return this;
        }

        public Builder queue(String queue) {
            this.queue = required(queue, "queue");
            return this;
        }

        /** The number the customer called. */
        public Builder systemNumber(String systemNumber) {
            this.systemNumber = required(systemNumber, "systemNumber");
            return this;
        }

        /** {@code VOICE}, {@code CHAT} or {@code TASK}. */
        public Builder channel(String channel) {
            this.channel = required(channel, "channel");
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            String instance = "arn:" + partition() + ":connect:" + region() + ":" + accountId() + ":instance/" + uuid();
            String contactId = uuid();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("Attributes", attributes);
            data.put("Channel", channel);
            data.put("ContactId", contactId);
            data.put("CustomerEndpoint", endpoint(customer));
            data.put("InitialContactId", contactId);
            data.put("InitiationMethod", "INBOUND");
            data.put("InstanceARN", instance);
            data.put("PreviousContactId", contactId);
            data.put("Queue", Map.of("Name", queue, "ARN", instance + "/queue/" + uuid()));
            data.put("SystemEndpoint", endpoint(systemNumber));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("ContactData", data);
            details.put("Parameters", parameters);
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("Details", details);
            root.put("Name", "ContactFlowEvent");
            return root;
        }

        private static Map<String, Object> endpoint(String number) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("Address", number);
            e.put("Type", "TELEPHONE_NUMBER");
            return e;
        }
    }
}

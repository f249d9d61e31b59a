package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.IoTButtonEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * AWS IoT: the IoT button's click. (An IoT rule delivers whatever its SQL selects from the MQTT message, so a test
 * invokes the function with that JSON directly.)
 *
 * <pre>{@code
 * IoTButtonEvent click = IoTEvents.button("G030JF055364XVRB").doubleClick().build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class IoTEvents {

    private IoTEvents() {}

    public static Button button(String serialNumber) {
        return new Button(EventBuilder.required(serialNumber, "serialNumber"));
    }

    /** Builds an {@link IoTButtonEvent}. */
    public static final class Button extends EventBuilder<Button, IoTButtonEvent> {
        private final String serialNumber;
        private String clickType = "SINGLE";
        private int millivolts = 1700;

        private Button(String serialNumber) {
            super(IoTButtonEvent.class);
            this.serialNumber = serialNumber;
        }

        public Button doubleClick() {
            this.clickType = "DOUBLE";
            return this;
        }

        public Button longPress() {
            this.clickType = "LONG";
            return this;
        }

        public Button batteryMillivolts(int millivolts) {
            this.millivolts = millivolts;
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("serialNumber", serialNumber);
            root.put("clickType", clickType);
            root.put("batteryVoltage", millivolts + "mV");
            return root;
        }
    }
}

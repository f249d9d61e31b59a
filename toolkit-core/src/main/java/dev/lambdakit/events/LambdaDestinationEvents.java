package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.LambdaDestinationEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Lambda destination records: what an asynchronous invocation's on-success or on-failure destination receives when
 * it is a function — the original request, how it ended ({@code Success}, {@code RetriesExhausted},
 * {@code EventAgeExceeded}), and the response or error.
 *
 * <pre>{@code
 * LambdaDestinationEvent failed = LambdaDestinationEvents.onFailure("orders", Map.of("orderId", "o-1"))
 *         .error("java.lang.IllegalStateException", "no stock").build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LambdaDestinationEvents {

    /** How an asynchronous invocation can end, as the record's {@code condition} says. */
    public static final List<String> CONDITIONS = List.of("Success", "RetriesExhausted", "EventAgeExceeded");

    private LambdaDestinationEvents() {}

    /** The on-success record of {@code functionName}'s invocation with {@code requestPayload}. */
    public static Builder onSuccess(String functionName, Object requestPayload) {
        return new Builder(EventBuilder.required(functionName, "functionName"), requestPayload, "Success");
    }

    /** The on-failure record, after the retries ({@code RetriesExhausted}, the default condition). */
    public static Builder onFailure(String functionName, Object requestPayload) {
        return new Builder(EventBuilder.required(functionName, "functionName"), requestPayload, "RetriesExhausted");
    }

    /** Builds a {@link LambdaDestinationEvent}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder extends EventBuilder<Builder, LambdaDestinationEvent> {
        private final String functionName;
        private final Object requestPayload;
        private String condition;
        private int attempts;
        private Object responsePayload;
        private String functionError;

        private Builder(String functionName, Object requestPayload, String condition) {
            super(LambdaDestinationEvent.class);
            this.functionName = functionName;
            this.requestPayload = requestPayload;
            this.condition = condition;
            this.attempts = condition.equals("Success") ? 1 : 3;
        }

        /** One of {@link #CONDITIONS}. */
        public Builder condition(String condition) {
            if (!CONDITIONS.contains(condition)) {
                throw new IllegalArgumentException(
                        "condition must be one of " + CONDITIONS + ", but was '" + condition + "'");
            }
            this.condition = condition;
            return this;
        }

        /** How many times Lambda invoked the function (1 to 3; the initial attempt and up to two retries). */
        public Builder approximateInvokeCount(int attempts) {
            if (attempts < 1 || attempts > 3) {
                throw new IllegalArgumentException("approximateInvokeCount must be 1 to 3, but was " + attempts);
            }
            this.attempts = attempts;
            return this;
        }

        /** The function's response payload, on success. */
        public Builder response(Object payload) {
            this.responsePayload = payload;
            this.functionError = null;
            return this;
        }

        /** The function's error, as the Java runtime reports an unhandled exception. */
        public Builder error(String errorType, String errorMessage) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("errorMessage", required(errorMessage, "errorMessage"));
            error.put("errorType", required(errorType, "errorType"));
            error.put("stackTrace", List.of());
            this.responsePayload = error;
            this.functionError = "Unhandled";
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("version", "1.0");
            root.put("timestamp", isoMillis(now()));
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("requestId", uuid());
            request.put(
                    "functionArn",
                    "arn:" + partition() + ":lambda:" + region() + ":" + accountId() + ":function:" + functionName
                            + ":$LATEST");
            request.put("condition", condition);
            request.put("approximateInvokeCount", attempts);
            root.put("requestContext", request);
            root.put("requestPayload", requestPayload);
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("statusCode", 200);
            response.put("executedVersion", "$LATEST");
            if (functionError != null) {
                response.put("functionError", functionError);
            }
            root.put("responseContext", response);
            root.put("responsePayload", responsePayload);
            return root;
        }
    }
}

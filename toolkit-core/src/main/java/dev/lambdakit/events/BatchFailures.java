package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.STABLE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The item identifiers a partial batch response reports as failed: {@code SQSBatchResponse},
 * {@code StreamsEventResponse} (Kinesis, DynamoDB Streams), or their JSON.
 *
 * <pre>{@code
 * List<String> failed = BatchFailures.of(result.output());
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class BatchFailures {

    private BatchFailures() {
    }

    /**
     * The {@code itemIdentifier}s in {@code batchItemFailures}, in order; {@code null} identifiers are kept (Lambda
     * treats them, like an unknown id, as a failure of the whole batch).
     *
     * @throws IllegalArgumentException when the response has no {@code batchItemFailures}
     */
    public static List<String> of(Object response) {
        Object tree;
        if (response instanceof byte[] bytes) {
            tree = EventJson.fromJson(new String(bytes, StandardCharsets.UTF_8), Object.class);
        } else if (response instanceof String json) {
            tree = EventJson.fromJson(json, Object.class);
        } else if (response instanceof Map<?, ?>) {
            tree = response;
        } else if (response != null) {
            tree = EventJson.fromJson(EventJson.toJsonString(response), Object.class);
        } else {
            throw new IllegalArgumentException("The response is null, not a batch response");
        }
        if (!(tree instanceof Map<?, ?> map) || !(map.get("batchItemFailures") instanceof List<?> failures)) {
            throw new IllegalArgumentException("Not a partial batch response (no batchItemFailures list): " + response);
        }
        List<String> ids = new ArrayList<>();
        for (Object f : failures) {
            ids.add(f instanceof Map<?, ?> m && m.get("itemIdentifier") != null
                    ? String.valueOf(m.get("itemIdentifier")) : null);
        }
        return ids;
    }
}

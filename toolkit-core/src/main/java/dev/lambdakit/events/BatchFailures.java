package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

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
@API(status = EXPERIMENTAL, since = "0.1")
public final class BatchFailures {

    private BatchFailures() {}

    /**
     * The {@code itemIdentifier}s in {@code batchItemFailures}, in order; {@code null} identifiers are kept (Lambda
     * treats them, like an unknown id, as a failure of the whole batch).
     *
     * @throws IllegalArgumentException when the response has no {@code batchItemFailures}
     */
    public static List<String> of(Object response) {
        if (response == null) {
            throw new IllegalArgumentException("The response is null, not a batch response");
        }
        Object tree = EventJson.toTree(response);
        if (!(tree instanceof Map<?, ?> map) || !(map.get("batchItemFailures") instanceof List<?> failures)) {
            throw new IllegalArgumentException("Not a partial batch response (no batchItemFailures list): " + response);
        }
        List<String> ids = new ArrayList<>();
        for (Object f : failures) {
            ids.add(
                    f instanceof Map<?, ?> m && m.get("itemIdentifier") != null
                            ? String.valueOf(m.get("itemIdentifier"))
                            : null);
        }
        return ids;
    }
}

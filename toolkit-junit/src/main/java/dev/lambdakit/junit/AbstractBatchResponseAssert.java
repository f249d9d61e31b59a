package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a partial batch response ({@code SQSBatchResponse}, {@code StreamsEventResponse}): which item
 * identifiers the function reported as failed.
 *
 * <pre>{@code
 * assertThat(result).batchResponse().reportsFailed("m-2", "m-5");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class AbstractBatchResponseAssert<SELF extends AbstractBatchResponseAssert<SELF>>
        extends AbstractAssert<SELF, List<String>> {

    // Failure message templates, for subclasses' own messages to match.
    protected static final String MESSAGE_REPORTS_FAILED =
            "%nExpecting the batch response to report exactly these failures:%n  %s%nbut it reported:%n  %s";
    protected static final String MESSAGE_REPORTS_NO_FAILURES =
            "%nExpecting no reported failures, but the batch response reported:%n  %s";

    protected AbstractBatchResponseAssert(List<String> failedItemIds, Class<?> selfType) {
        super(failedItemIds, selfType);
    }

    /** Exactly these items, in any order, each as often as given, were reported failed. */
    public SELF reportsFailed(String... itemIds) {
        isNotNull();
        List<String> expected = List.of(itemIds);
        if (!counts(actual).equals(counts(expected))) {
            throw failureWithActualExpected(actual, expected, MESSAGE_REPORTS_FAILED, expected, actual);
        }
        return myself;
    }

    private static Map<String, Long> counts(List<String> ids) {
        return ids.stream().collect(Collectors.groupingBy(id -> String.valueOf(id), Collectors.counting()));
    }

    /** Nothing was reported failed: the whole batch succeeded. */
    public SELF reportsNoFailures() {
        isNotNull();
        if (!actual.isEmpty()) {
            throw failure(MESSAGE_REPORTS_NO_FAILURES, actual);
        }
        return myself;
    }
}

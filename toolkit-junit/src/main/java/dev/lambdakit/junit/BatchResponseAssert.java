package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Assertions on the item ids a partial batch response reports failed; all of them are in
 * {@link AbstractBatchResponseAssert}, which a project extends to add its own.
 *
 * <pre>{@code
 * assertThat(result).batchResponse().reportsFailed("m-2", "m-5");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class BatchResponseAssert extends AbstractBatchResponseAssert<BatchResponseAssert> {

    public BatchResponseAssert(List<String> failedItemIds) {
        super(failedItemIds, BatchResponseAssert.class);
    }
}

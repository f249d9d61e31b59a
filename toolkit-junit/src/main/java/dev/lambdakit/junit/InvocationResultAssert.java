package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.runtime.InvocationResult;
import org.apiguardian.api.API;

/**
 * Assertions on an {@link InvocationResult}; all of them are in {@link AbstractInvocationResultAssert}, which a
 * project extends to add its own, as AssertJ's own assertion classes are built.
 *
 * <pre>{@code
 * assertThat(result).succeeded().wasColdStart().hasPayload("{\"ok\":true}");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class InvocationResultAssert extends AbstractInvocationResultAssert<InvocationResultAssert> {

    public InvocationResultAssert(InvocationResult<?> actual) {
        super(actual, InvocationResultAssert.class);
    }
}

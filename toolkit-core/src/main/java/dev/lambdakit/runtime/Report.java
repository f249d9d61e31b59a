package dev.lambdakit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.function.Architecture;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * What Lambda's {@code REPORT} line says about one invocation, plus its estimated cost.
 *
 * <p>Billing follows Lambda since August 2025: duration rounded up to the millisecond, with the init phase billed
 * too on a cold start. The cost uses US East prices, first tier, requests included, and no free tier.
 * {@code maxMemoryUsedMb} is honest about where it comes from: in process it is the test JVM's heap in use after the
 * invocation (capped at the function's memory), an upper bound that includes the test framework;
 * {@link #allocatedBytes()} counts what the handler's thread allocated during the invocation. A forked runtime
 * reports the child JVM's real peak.
 *
 * <pre>{@code
 * Report report = result.report();
 * assertThat(report.billedDurationMillis()).isLessThan(200);
 * System.out.println(report.toLogLine());
 * }</pre>
 *
 * @param requestId          the invocation's request id
 * @param durationMillis     the invoke phase, in milliseconds
 * @param initDurationMillis the init phase on a cold start, else empty
 * @param memorySizeMb       the configured memory
 * @param maxMemoryUsedMb    see above
 * @param allocatedBytes     bytes the handler thread allocated in the invocation; -1 where the JVM cannot tell
 * @param architecture       for the price
 * @param restoreDurationMillis a SnapStart version's restore on a cold start (its {@code afterRestore} hooks), else
 *     empty; such a cold start has no init duration here, Lambda having initialized it when the version was published
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Report(
        String requestId,
        double durationMillis,
        OptionalDouble initDurationMillis,
        int memorySizeMb,
        int maxMemoryUsedMb,
        long allocatedBytes,
        Architecture architecture,
        OptionalDouble restoreDurationMillis) {

    /** A report without a SnapStart restore. */
    public Report(
            String requestId,
            double durationMillis,
            OptionalDouble initDurationMillis,
            int memorySizeMb,
            int maxMemoryUsedMb,
            long allocatedBytes,
            Architecture architecture) {
        this(
                requestId,
                durationMillis,
                initDurationMillis,
                memorySizeMb,
                maxMemoryUsedMb,
                allocatedBytes,
                architecture,
                OptionalDouble.empty());
    }

    /** US dollars per request. */
    public static final double PRICE_PER_REQUEST = 0.0000002;

    /** The billed duration: invoke (plus init on a cold start), rounded up to the millisecond. */
    public long billedDurationMillis() {
        double total = durationMillis + initDurationMillis.orElse(0);
        return (long) Math.ceil(total);
    }

    /** Whether this invocation had an init phase or a SnapStart restore (a cold start). */
    public boolean coldStart() {
        return initDurationMillis.isPresent() || restoreDurationMillis.isPresent();
    }

    /** The billed part of a SnapStart restore, rounded up to the millisecond; 0 without one. */
    public long billedRestoreDurationMillis() {
        return (long) Math.ceil(restoreDurationMillis.orElse(0));
    }

    /** Estimated cost in US dollars: the request plus billed GB-seconds at the architecture's first-tier price. */
    public double costUsd() {
        double gbSeconds = (billedDurationMillis() + billedRestoreDurationMillis()) / 1000.0 * memorySizeMb / 1024.0;
        return PRICE_PER_REQUEST + gbSeconds * architecture.pricePerGbSecond();
    }

    /** The {@code REPORT} line in Lambda's format (tab-separated, trailing tab). */
    public String toLogLine() {
        StringBuilder sb = new StringBuilder("REPORT RequestId: ")
                .append(requestId)
                .append("\tDuration: ")
                .append(twoDecimals(durationMillis))
                .append(" ms")
                .append("\tBilled Duration: ")
                .append(billedDurationMillis())
                .append(" ms")
                .append("\tMemory Size: ")
                .append(memorySizeMb)
                .append(" MB")
                .append("\tMax Memory Used: ")
                .append(maxMemoryUsedMb)
                .append(" MB");
        initDurationMillis.ifPresent(
                init -> sb.append("\tInit Duration: ").append(twoDecimals(init)).append(" ms"));
        restoreDurationMillis.ifPresent(restore -> sb.append("\tRestore Duration: ")
                .append(twoDecimals(restore))
                .append(" ms\tBilled Restore Duration: ")
                .append(billedRestoreDurationMillis())
                .append(" ms"));
        return sb.append('\t').toString();
    }

    /** {@code %.2f} without the formatter's cost, which would dominate a warm invocation. */
    static String twoDecimals(double value) {
        long hundredths = Math.round(value * 100);
        long fraction = hundredths % 100;
        return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }

    @Override
    public String toString() {
        return toLogLine().trim() + " (estimated cost $" + String.format(Locale.ROOT, "%.10f", costUsd()) + ")";
    }
}

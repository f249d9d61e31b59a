package dev.lambdakit.cloud;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Waits for an eventual effect (a message arrives, an object appears) by polling, with a timeout and a message that
 * says what did not happen and what was last seen.
 *
 * <pre>{@code
 * Message m = Await.until("a message on the orders queue", Duration.ofSeconds(5),
 *         () -> sqs.receiveMessage(r -> r.queueUrl(url)).messages().stream().findFirst());
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Await {

    private static final Duration POLL = Duration.ofMillis(50);

    private Await() {}

    /**
     * Polls {@code probe} until it returns a present value.
     *
     * @throws AssertionError when {@code timeout} passes first, naming {@code what} and the last exception seen
     */
    public static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
                last = null;
            } catch (RuntimeException e) {
                last = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                AssertionError error = new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for "
                        + what + " (" + attempts + " attempts"
                        + (last == null ? ", each found nothing)" : "; the last failed with " + last + ")"));
                if (last != null) {
                    error.initCause(last);
                }
                throw error;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }

    /** Polls until {@code condition} holds. */
    public static void untilTrue(String what, Duration timeout, Supplier<Boolean> condition) {
        until(what, timeout, () -> Boolean.TRUE.equals(condition.get()) ? Optional.of(Boolean.TRUE) : Optional.empty());
    }
}

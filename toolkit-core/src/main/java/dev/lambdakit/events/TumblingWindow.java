package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A Kinesis or DynamoDB Streams batch delivered for a tumbling window: the records, the window's bounds, the state
 * the function returned for the previous batch of the window, and whether this is the window's final call. Made by
 * {@link KinesisEvents.Builder#tumblingWindow(Duration)} and {@link DynamoDbEvents.Builder#tumblingWindow(Duration)}.
 *
 * <pre>{@code
 * KinesisTimeWindowEvent last = KinesisEvents.stream("clicks").record("user-1", "click")
 *         .tumblingWindow(Duration.ofMinutes(5))
 *         .state("count", "41")
 *         .finalInvoke()
 *         .build();
 * }</pre>
 *
 * @param <E> {@code KinesisTimeWindowEvent} or {@code DynamodbTimeWindowEvent}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TumblingWindow<E> extends EventBuilder<TumblingWindow<E>, E> {

    private final EventBuilder<?, ?> batch;
    private final Supplier<String> sourceArn;
    private final String shardId;
    private final Duration length;
    private final Map<String, Object> state = new LinkedHashMap<>();
    private Instant start;
    private boolean finalInvoke;
    private boolean terminatedEarly;

    TumblingWindow(
            Class<E> type, EventBuilder<?, ?> batch, Supplier<String> sourceArn, String shardId, Duration length) {
        super(type);
        if (length == null || length.isNegative() || length.isZero() || length.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException(
                    "a tumbling window lasts more than 0 and at most 15 minutes, but was " + length);
        }
        this.batch = batch;
        this.sourceArn = sourceArn;
        this.shardId = shardId;
        this.length = length;
        batch.shareSettingsWith(this);
    }

    /** Where the window starts; by default the start of the window the builder's clock is in. */
    public TumblingWindow<E> start(Instant start) {
        this.start = required(start, "start");
        return this;
    }

    /** State the function returned for the window's previous batch. */
    public TumblingWindow<E> state(String key, String value) {
        state.put(required(key, "key"), required(value, "value"));
        return this;
    }

    /** The window's last call: the function's result is the window's aggregate. */
    public TumblingWindow<E> finalInvoke() {
        this.finalInvoke = true;
        return this;
    }

    /** The window closed before its end, because the shard was split or merged. */
    public TumblingWindow<E> terminatedEarly() {
        this.terminatedEarly = true;
        return this;
    }

    @Override
    protected Map<String, Object> tree() {
        shareSettingsWith(batch);
        Map<String, Object> root = new LinkedHashMap<>(batch.toTree());
        long millis = length.toMillis();
        Instant from = start != null ? start : Instant.ofEpochMilli(now().toEpochMilli() / millis * millis);
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("start", isoSeconds(from));
        window.put("end", isoSeconds(from.plus(length)));
        root.put("window", window);
        root.put("state", state);
        root.put("shardId", shardId);
        root.put("eventSourceARN", sourceArn.get());
        root.put("isFinalInvokeForWindow", finalInvoke);
        root.put("isWindowTerminatedEarly", terminatedEarly);
        return root;
    }
}

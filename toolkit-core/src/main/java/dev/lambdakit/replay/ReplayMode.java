package dev.lambdakit.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.env.Settings;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Whether a test records its AWS traffic or replays it. Replay is what a test marked for it does by default;
 * {@code -D}{@value #PROPERTY}{@code =record} (or {@code LAMBDAKIT_REPLAY=record}) re-records every such test
 * against its backend in one explicit switch.
 *
 * <pre>{@code
 * ReplayMode mode = ReplayMode.resolve();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ReplayMode {
    /** Answer from the recording; no backend runs. */
    REPLAY,
    /** Pass traffic to the backend and write the recording. */
    RECORD;

    public static final String PROPERTY = "lambdakit.replay";

    public static ReplayMode resolve() {
        String value = Settings.get(PROPERTY).orElse(null);
        if (value == null || value.isBlank()) {
            return REPLAY;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown replay mode '" + value + "' in " + PROPERTY + "; use 'replay' or 'record'", e);
        }
    }
}

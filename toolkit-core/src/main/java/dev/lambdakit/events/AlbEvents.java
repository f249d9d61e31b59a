package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Entry point for Application Load Balancer request events.
 *
 * <pre>{@code
 * var event = AlbEvents.request().post("/login").formBody(Map.of("user", "jane")).multiValueHeaders().build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AlbEvents {

    private AlbEvents() {}

    public static AlbEventBuilder request() {
        return new AlbEventBuilder();
    }
}

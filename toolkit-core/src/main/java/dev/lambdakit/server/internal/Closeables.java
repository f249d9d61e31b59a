package dev.lambdakit.server.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** Closes servers and what they hold in order, every one even when one before failed. */
@API(status = INTERNAL, since = "0.1")
public final class Closeables {

    private Closeables() {}

    /**
     * Closes each non-null closeable in order.
     *
     * @throws Exception the first failure, the later ones suppressed in it
     */
    public static void closeAll(AutoCloseable... closeables) throws Exception {
        Exception failure = null;
        for (AutoCloseable c : closeables) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

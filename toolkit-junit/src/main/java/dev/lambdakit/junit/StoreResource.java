package dev.lambdakit.junit;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A value JUnit closes when its store goes away, on every supported version: JUnit 5.10 to 5.12 close only a
 * {@code CloseableResource}; from 5.13 on an {@code AutoCloseable} is closed (and a bare {@code CloseableResource}
 * draws a deprecation warning per value). Implementing both serves all; the close runs once whoever calls it.
 */
@SuppressWarnings("deprecation")
abstract class StoreResource implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public final void close() throws Exception {
        if (closed.compareAndSet(false, true)) {
            release();
        }
    }

    /** Releases what the value holds; called once. */
    protected abstract void release() throws Exception;
}

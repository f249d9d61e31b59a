package dev.lambdakit.function.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayOutputStream;
import org.apiguardian.api.API;

/** A loaded handler seen, as the runtime sees every handler, as bytes in and bytes out. */
@API(status = INTERNAL, since = "0.1")
public interface ResolvedHandler {

    /**
     * Runs one invocation.
     *
     * @throws Throwable whatever the handler threw, with the runtime's stack trace filtering applied, or a
     *                   {@link HandlerFault} for a handler that cannot run
     */
    void handle(byte[] input, ByteArrayOutputStream output, Context context) throws Throwable;

    /** The handler's class, or null when it could not be loaded. */
    Class<?> handlerClass();

    /** The object whose method handles events, or null for a static method or a handler that could not load. */
    default Object instance() {
        return null;
    }
}

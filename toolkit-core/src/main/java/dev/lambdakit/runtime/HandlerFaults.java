package dev.lambdakit.runtime;

/** The runtime's rule for an exception's message: its localized message, or its class name when it has none. */
final class HandlerFaults {

    private HandlerFaults() {}

    static String messageOf(Throwable t) {
        return t.getLocalizedMessage() == null ? t.getClass().getName() : t.getLocalizedMessage();
    }
}

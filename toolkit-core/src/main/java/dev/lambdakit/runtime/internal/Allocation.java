package dev.lambdakit.runtime.internal;

import java.lang.management.ManagementFactory;

/** Bytes allocated by the current thread, where the JVM counts them (HotSpot does); -1 elsewhere. */
final class Allocation {

    private static final com.sun.management.ThreadMXBean BEAN = bean();

    private Allocation() {}

    private static com.sun.management.ThreadMXBean bean() {
        try {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean b
                    && b.isThreadAllocatedMemorySupported()
                    && b.isThreadAllocatedMemoryEnabled()) {
                return b;
            }
        } catch (RuntimeException | LinkageError e) {
            // not HotSpot: report -1
        }
        return null;
    }

    static long currentThread() {
        return BEAN == null ? -1 : BEAN.getCurrentThreadAllocatedBytes();
    }

    static long since(long before) {
        return before < 0 ? -1 : currentThread() - before;
    }
}

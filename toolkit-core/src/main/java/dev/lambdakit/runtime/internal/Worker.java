package dev.lambdakit.runtime.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The thread an execution environment runs its handler on, so that a deadline can abandon a runaway handler while
 * the test goes on. Hand-offs spin briefly before parking: a warm invocation then costs microseconds, not the tens
 * a parked thread takes to wake.
 */
final class Worker {

    private static final long SPIN_NANOS = 50_000L;
    /** At most this many threads spin at once, so parallel tests do not burn the CPU their handlers need. */
    private static final int SPIN_BUDGET = Math.max(1, Runtime.getRuntime().availableProcessors());

    private static final AtomicInteger SPINNING = new AtomicInteger();

    private final Thread thread;
    private volatile Task<?> pending;
    private volatile boolean stopped;

    Worker(ThreadGroup group, String name, ClassLoader contextLoader, Runnable onStart) {
        thread = new Thread(
                group,
                () -> {
                    onStart.run();
                    loop();
                },
                name,
                0);
        thread.setDaemon(true);
        thread.setContextClassLoader(contextLoader);
        thread.start();
    }

    /** Work for the worker; may throw anything, as a handler may. */
    @FunctionalInterface
    interface Body<T> {
        T call() throws Throwable;
    }

    /** Work handed to the worker, and its outcome. */
    static final class Task<T> {
        private final Body<T> body;
        private final Thread waiter;
        private volatile boolean done;
        private T value;
        private Throwable error;

        Task(Body<T> body) {
            this.body = body;
            this.waiter = Thread.currentThread();
        }

        boolean isDone() {
            return done;
        }

        T value() {
            return value;
        }

        Throwable error() {
            return error;
        }
    }

    /** Runs {@code body} on the worker; returns the finished task, or an unfinished one when the deadline passed. */
    <T> Task<T> run(Body<T> body, long deadlineNanos, boolean expectQuick) throws InterruptedException {
        Task<T> task = new Task<>(body);
        pending = task;
        LockSupport.unpark(thread);
        boolean spin = expectQuick && acquireSpin();
        long spinUntil = spin ? System.nanoTime() + SPIN_NANOS : System.nanoTime();
        try {
            await(task, deadlineNanos, spinUntil);
        } finally {
            if (spin) {
                SPINNING.decrementAndGet();
            }
        }
        return task;
    }

    private static boolean acquireSpin() {
        if (SPINNING.incrementAndGet() > SPIN_BUDGET) {
            SPINNING.decrementAndGet();
            return false;
        }
        return true;
    }

    private void await(Task<?> task, long deadlineNanos, long spinUntil) throws InterruptedException {
        while (!task.done) {
            long now = System.nanoTime();
            if (now - deadlineNanos >= 0) {
                break;
            }
            if (now - spinUntil < 0) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, deadlineNanos - now);
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while waiting for the handler");
                }
            }
        }
    }

    private void loop() {
        while (!stopped) {
            Task<?> task = pending;
            if (task == null && acquireSpin()) {
                long spinUntil = System.nanoTime() + SPIN_NANOS;
                try {
                    while ((task = pending) == null && !stopped && System.nanoTime() - spinUntil < 0) {
                        Thread.onSpinWait();
                    }
                } finally {
                    SPINNING.decrementAndGet();
                }
            }
            if (task == null) {
                task = pending;
                if (task == null) {
                    LockSupport.park(this);
                    Thread.interrupted();
                    continue;
                }
            }
            pending = null;
            execute(task);
        }
    }

    private static <T> void execute(Task<T> task) {
        try {
            task.value = task.body.call();
        } catch (Throwable t) {
            task.error = t;
        } finally {
            task.done = true;
            LockSupport.unpark(task.waiter);
        }
    }

    /** Ends the loop once the current task (if any) returns. */
    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    Thread thread() {
        return thread;
    }

    /**
     * Gives up on a runaway handler, as Lambda kills the runtime at the deadline: interrupts it and, if it ignores
     * that for 200 ms, stops the thread where the JVM still allows it (up to Java 19).
     *
     * @return the thread's stack when it still runs: from Java 20 on no thread can be stopped, and it runs on in the
     *         background, as a daemon, until it returns; null when it ended
     */
    StackTraceElement[] abandon() {
        stopped = true;
        thread.interrupt();
        if (ended(thread)) {
            return null;
        }
        forceStop(thread);
        return ended(thread) ? null : thread.getStackTrace();
    }

    private static boolean ended(Thread t) {
        try {
            t.join(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    /**
     * Ends the other threads of the environment's group that are running the function's code, as an environment's
     * shutdown ends its processes. Threads the function only caused to start and that run none of its code now (a
     * library's shared pool, such as Reactor's schedulers or the SDK's, waiting for work) serve the whole JVM: they
     * are neither interrupted nor stopped, and serve later tests.
     */
    static void endThreads(ThreadGroup group, Thread except, Predicate<StackTraceElement> functionFrame) {
        Thread[] threads = new Thread[group.activeCount() + 8];
        int n = group.enumerate(threads, true);
        List<Thread> others = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = threads[i];
            if (t != except
                    && t != Thread.currentThread()
                    && !isCommonPoolWorker(t)
                    && runsFunctionCode(t.getStackTrace(), functionFrame)) {
                others.add(t);
            }
        }
        if (!others.isEmpty()) {
            end(group.getName() + "-reaper", others);
        }
    }

    /**
     * Whether a stack shows the function's code, or no code yet: a thread the function just started may not have
     * been scheduled, and then shows at most {@code Thread.run}.
     */
    private static boolean runsFunctionCode(StackTraceElement[] stack, Predicate<StackTraceElement> functionFrame) {
        boolean notStarted = Arrays.stream(stack).allMatch(f -> f.getClassName().equals(Thread.class.getName()));
        return notStarted || Arrays.stream(stack).anyMatch(functionFrame);
    }

    private static boolean isCommonPoolWorker(Thread t) {
        return t instanceof ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool();
    }

    /** Interrupts the threads now; a daemon reaper stops, 200 ms later, those that ignored it. */
    private static void end(String reaperName, List<Thread> threads) {
        threads.forEach(Thread::interrupt);
        Thread reaper = new Thread(
                () -> {
                    for (Thread t : threads) {
                        try {
                            t.join(200);
                        } catch (InterruptedException e) {
                            return;
                        }
                        if (t.isAlive()) {
                            forceStop(t);
                        }
                    }
                },
                reaperName);
        reaper.setDaemon(true);
        reaper.start();
    }

    private static void forceStop(Thread thread) {
        try {
            Method stop = Thread.class.getMethod("stop");
            stop.invoke(thread);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Java 20+ throws UnsupportedOperationException: nothing more can be done in process.
        }
    }
}

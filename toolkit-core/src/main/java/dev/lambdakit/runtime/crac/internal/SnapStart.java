package dev.lambdakit.runtime.crac.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;

/**
 * A SnapStart version's init and restore, in process: the resources the function registers while it initializes,
 * their {@code beforeCheckpoint} hooks (last registered first, as CRaC runs them) before the simulated snapshot and
 * their {@code afterRestore} hooks (first registered first) after it.
 */
@API(status = INTERNAL, since = "0.1")
public final class SnapStart {

    static final ThreadLocal<List<Resource>> COLLECTING = new ThreadLocal<>();

    private static final String COMPAT = "org.crac.Core.Compat";

    private SnapStart() {}

    /**
     * Points {@code org.crac} at this package, before a function's code first loads it; a project that sets the
     * property itself keeps its value.
     */
    public static synchronized void install() {
        if (System.getProperty(COMPAT) == null) {
            System.setProperty(COMPAT, SnapStart.class.getPackageName());
        }
    }

    /** A hook that threw: which phase, and what. */
    public static final class HookFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final String errorType;

        HookFailure(String errorType, Throwable cause) {
            super(cause);
            this.errorType = errorType;
        }

        /** {@code Runtime.BeforeCheckpointError} or {@code Runtime.AfterRestoreError}, as Lambda reports them. */
        public String errorType() {
            return errorType;
        }
    }

    /** What init and restore came to. */
    public record Restored<T>(T initialized, int resources, double restoreMillis) {}

    /**
     * Runs {@code init} collecting the resources it registers, then their before-checkpoint and after-restore hooks.
     *
     * @throws HookFailure when a hook throws
     */
    public static <T> Restored<T> initAndRestore(Callable<T> init) throws Exception {
        List<Resource> registered = new ArrayList<>();
        COLLECTING.set(registered);
        T initialized;
        try {
            initialized = init.call();
        } finally {
            COLLECTING.remove();
        }
        for (int i = registered.size() - 1; i >= 0; i--) {
            try {
                registered.get(i).beforeCheckpoint(Core.getGlobalContext());
            } catch (Exception | Error e) {
                throw new HookFailure("Runtime.BeforeCheckpointError", e);
            }
        }
        long restoreStart = System.nanoTime();
        for (Resource resource : registered) {
            try {
                resource.afterRestore(Core.getGlobalContext());
            } catch (Exception | Error e) {
                throw new HookFailure("Runtime.AfterRestoreError", e);
            }
        }
        return new Restored<>(initialized, registered.size(), (System.nanoTime() - restoreStart) / 1e6);
    }
}

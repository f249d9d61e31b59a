package dev.lambdakit.runtime.crac.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The global context {@code org.crac.Core} registers with. Registrations go to the SnapStart init running on the
 * current thread ({@link SnapStart#initAndRestore}); elsewhere they are dropped, as on a JVM without CRaC, where hooks never
 * run.
 */
@API(status = INTERNAL, since = "0.1")
public final class Core {

    private static final Context<Resource> GLOBAL = new Context<>() {
        @Override
        public void register(Resource resource) {
            List<Resource> collecting = SnapStart.COLLECTING.get();
            if (collecting != null) {
                collecting.add(resource);
            }
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            // LambdaKit runs each registered resource's hook itself.
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            // LambdaKit runs each registered resource's hook itself.
        }
    };

    private Core() {}

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    /** A function cannot ask for its own checkpoint; Lambda takes it when a version is published. */
    public static void checkpointRestore() throws CheckpointException, RestoreException {
        throw new UnsupportedOperationException(
                "Core.checkpointRestore(): on Lambda the snapshot is taken when a version is published, not on "
                        + "request; LambdaKit simulates that on the first cold start of a SnapStart version");
    }
}

package dev.lambdakit.process;

import dev.lambdakit.function.Execution;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.LambdaFunction;
import dev.lambdakit.testhandlers.Handlers;

/** Starts a forked function, prints its child's pid, then waits to be killed. */
public final class OrphanProbe {

    private OrphanProbe() {}

    public static void main(String[] args) throws Exception {
        try {
            run();
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.exit(1); // the test reads until it sees the pid or the end of the output
        }
    }

    private static void run() throws Exception {
        LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(Handlers.Echo.class)
                .execution(Execution.FORKED)
                .build());
        fn.invoke("{}");
        System.out.println("CHILD-PID " + ForkedChildren.pidOf(Handlers.Echo.class.getName()));
        System.out.flush();
        Thread.sleep(60_000);
    }
}

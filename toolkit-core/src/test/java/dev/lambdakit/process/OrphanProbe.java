package dev.lambdakit.process;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.testhandlers.Handlers;

/** Starts a forked function, prints its child's pid, then waits to be killed. */
public final class OrphanProbe {

    private OrphanProbe() {}

    public static void main(String[] args) throws Exception {
        ForkedFunction fn = ForkedFunction.create(
                FunctionConfig.builder().handler(Handlers.Echo.class).build());
        fn.invoke("{}");
        System.out.println("CHILD-PID " + fn.pid().orElseThrow());
        System.out.flush();
        Thread.sleep(60_000);
    }
}

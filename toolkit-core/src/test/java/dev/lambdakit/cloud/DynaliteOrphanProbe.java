package dev.lambdakit.cloud;

/** Starts dynalite, prints the Node process's pid and port, then waits to be killed. */
public final class DynaliteOrphanProbe {

    private DynaliteOrphanProbe() {}

    public static void main(String[] args) throws Exception {
        Dynalite dynalite = Dynalite.start();
        long pid = ProcessHandle.current()
                .children()
                .filter(p -> p.info().command().orElse("").endsWith("node"))
                .findFirst()
                .orElseThrow()
                .pid();
        System.out.println("NODE " + pid + " " + dynalite.endpoint().getPort());
        System.out.flush();
        Thread.sleep(60_000);
    }
}

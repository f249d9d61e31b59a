package dev.lambdakit.examples.e2e;

/** A function that takes longer than its timeout. */
public class Slow {
    public String handle(Object ignored) throws InterruptedException {
        Thread.sleep(10_000);
        return "too late";
    }
}

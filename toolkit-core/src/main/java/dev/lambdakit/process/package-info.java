/**
 * Forked runtimes: each execution environment in a JVM of its own, under the official runtime interface client or
 * LambdaKit's pure-Java bootstrap, with the process lifecycle Lambda gives it.
 */
package dev.lambdakit.process;

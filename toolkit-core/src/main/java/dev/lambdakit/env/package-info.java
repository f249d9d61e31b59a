/**
 * What a simulated function sees in its environment: Lambda's reserved variables, temporary credentials, and the
 * per-thread overlay that makes {@code System.getenv} show them without any JVM flag.
 */
package dev.lambdakit.env;

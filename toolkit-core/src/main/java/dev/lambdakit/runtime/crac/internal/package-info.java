/**
 * SnapStart's runtime hooks in process: the CRaC API as {@code org.crac} looks for it (its {@code
 * org.crac.Core.Compat} property names this package), collecting the {@code Resource}s a function registers while it
 * initializes, so that LambdaKit can run their {@code beforeCheckpoint} and {@code afterRestore} around a simulated
 * snapshot, as Lambda's Java runtime does for a published version with SnapStart.
 */
package dev.lambdakit.runtime.crac.internal;

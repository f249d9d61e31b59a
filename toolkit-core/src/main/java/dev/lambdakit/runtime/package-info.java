/**
 * The simulated execution environment: {@link dev.lambdakit.runtime.LambdaFunction} runs a handler through init,
 * warm invocations and resets, and returns {@link dev.lambdakit.runtime.InvocationResult}s with Lambda's errors,
 * reports and logs.
 */
package dev.lambdakit.runtime;

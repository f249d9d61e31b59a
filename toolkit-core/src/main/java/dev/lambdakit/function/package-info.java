/**
 * A function's configuration ({@link dev.lambdakit.function.FunctionConfig}), where its handler comes from
 * ({@link dev.lambdakit.function.HandlerReference}) and how the Java runtime's rules turn a handler string into
 * something to call.
 */
package dev.lambdakit.function;

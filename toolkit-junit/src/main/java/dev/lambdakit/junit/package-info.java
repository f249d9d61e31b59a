/**
 * JUnit Jupiter support: {@link dev.lambdakit.junit.LambdaTest @LambdaTest}, {@link dev.lambdakit.junit.Env @Env},
 * {@link dev.lambdakit.junit.Event @Event}, {@link dev.lambdakit.junit.LambdaHandler @LambdaHandler} and the AssertJ
 * entry point {@link dev.lambdakit.junit.LambdaAssertions}.
 */
package dev.lambdakit.junit;

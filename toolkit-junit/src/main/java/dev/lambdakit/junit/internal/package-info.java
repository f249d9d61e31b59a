/**
 * LambdaKit's machinery behind {@code dev.lambdakit.junit}: public only so that JUnit's service loader can find it.
 * Not API: it changes without notice.
 */
package dev.lambdakit.junit.internal;

/**
 * LambdaKit's machinery behind {@code dev.lambdakit.cloud}: public only so that LambdaKit's other packages and modules
 * can use it. Not API: it changes without notice, and {@code ApiBoundaryTests} keeps it out of every API signature.
 */
package dev.lambdakit.cloud.internal;

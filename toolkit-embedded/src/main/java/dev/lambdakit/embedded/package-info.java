/**
 * Bridges to the embedded backend's emulators (S3Proxy, ElasticMQ). These classes run only inside LambdaKit's
 * isolated class loader, next to the emulators' own libraries; nothing here is API.
 */
package dev.lambdakit.embedded;

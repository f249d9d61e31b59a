/**
 * The AWS services a test's function talks to: backends (embedded, LocalStack, external) and their endpoints,
 * per-test buckets, queues and tables, the SQS event source, and the guard that keeps tests away from real AWS.
 */
package dev.lambdakit.cloud;

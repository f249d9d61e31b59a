/**
 * Local Lambda endpoints: the Invoke API for the AWS SDK's {@code LambdaClient}, the HTTP front that turns plain
 * HTTP into API Gateway events, and the Runtime API that forked runtimes poll.
 */
package dev.lambdakit.server;

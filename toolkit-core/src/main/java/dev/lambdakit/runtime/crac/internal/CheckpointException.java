package dev.lambdakit.runtime.crac.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** Part of the API {@code org.crac} expects; LambdaKit reports a failed hook as the function's init error instead. */
@API(status = INTERNAL, since = "0.1")
public class CheckpointException extends Exception {
    private static final long serialVersionUID = 1L;
}

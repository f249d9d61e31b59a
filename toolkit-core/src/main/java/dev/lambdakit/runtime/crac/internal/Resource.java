package dev.lambdakit.runtime.crac.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** A CRaC resource, as {@code org.crac} hands a function's own to this package (through a proxy). */
@API(status = INTERNAL, since = "0.1")
public interface Resource {

    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}

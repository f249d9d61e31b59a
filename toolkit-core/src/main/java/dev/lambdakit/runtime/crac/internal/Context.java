package dev.lambdakit.runtime.crac.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** A CRaC context: a resource that others register with. */
@API(status = INTERNAL, since = "0.1")
public abstract class Context<R extends Resource> implements Resource {

    public abstract void register(R resource);
}

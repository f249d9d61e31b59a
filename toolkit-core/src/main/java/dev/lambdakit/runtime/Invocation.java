package dev.lambdakit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One request to a function: the event and what a caller can send with it (qualifier, client context, Cognito
 * identity, trace header, tenant id).
 *
 * <p>The event may be a POJO (serialized as the runtime serializes its class), a {@code Map}, a {@code String} of
 * JSON, or {@code byte[]} taken as the raw payload.
 *
 * <pre>{@code
 * InvocationResult<Object> result = function.invoke(Invocation.of(event).qualifier("live"));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Invocation {

    private final Object event;
    private String qualifier;
    private ClientContext clientContext;
    private CognitoIdentity identity;
    private String traceId;
    private String tenantId;

    private Invocation(Object event) {
        this.event = event;
    }

    /** A request carrying {@code event} (null sends the JSON {@code null}). */
    public static Invocation of(Object event) {
        return new Invocation(event);
    }

    /** Invoke a version or alias: it becomes the last part of the invoked function ARN. */
    public Invocation qualifier(String qualifier) {
        this.qualifier = Objects.requireNonNull(qualifier, "qualifier");
        if (!qualifier.matches("[a-zA-Z0-9$_-]{1,128}")) {
            throw new IllegalArgumentException(
                    "qualifier must be 1 to 128 letters, digits, '$', '_' or '-', " + "but was '" + qualifier + "'");
        }
        return this;
    }

    /** The mobile client context the handler sees through {@code Context.getClientContext()}. */
    public Invocation clientContext(ClientContext clientContext) {
        this.clientContext = clientContext;
        return this;
    }

    /** The Cognito identity the handler sees through {@code Context.getIdentity()}. */
    public Invocation identity(CognitoIdentity identity) {
        this.identity = identity;
        return this;
    }

    /** The X-Ray trace header; a fresh one is made when none is given. */
    public Invocation traceId(String traceId) {
        this.traceId = traceId;
        return this;
    }

    public Invocation tenantId(String tenantId) {
        this.tenantId = tenantId;
        return this;
    }

    public Object event() {
        return event;
    }

    public String qualifier() {
        return qualifier;
    }

    public ClientContext clientContext() {
        return clientContext;
    }

    public CognitoIdentity identity() {
        return identity;
    }

    public String traceId() {
        return traceId;
    }

    public String tenantId() {
        return tenantId;
    }
}

package dev.lambdakit.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.List;
import org.crac.Core;
import org.crac.Resource;

/** Registers itself for SnapStart's runtime hooks, as Lambda's Java functions do, and reports what ran. */
public final class SnapHandler implements RequestHandler<Object, String>, Resource {

    private final List<String> events = new ArrayList<>();

    public SnapHandler() {
        events.add("init:" + System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        if ("before".equals(System.getenv("FAIL_HOOK"))) {
            throw new IllegalStateException("cannot checkpoint with an open connection");
        }
        events.add("beforeCheckpoint");
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        if ("after".equals(System.getenv("FAIL_HOOK"))) {
            throw new IllegalStateException("cannot reconnect");
        }
        events.add("afterRestore");
    }

    @Override
    public String handleRequest(Object input, Context context) {
        events.add("invoke");
        return String.join(",", events);
    }
}

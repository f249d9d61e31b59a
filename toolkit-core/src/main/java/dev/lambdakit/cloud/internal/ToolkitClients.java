package dev.lambdakit.cloud.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.interceptor.ClasspathInterceptorChainFactory;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Keeps the global interceptors of a user's class path (the X-Ray SDK's tracing interceptor, say, which fails a
 * request made outside a traced segment) off the SDK clients LambdaKit uses for itself: fixtures, the injected Lambda
 * client. The SDK adds global interceptors to every client it builds and offers no switch; a client plugin runs after
 * that and can set the list, so this one removes the global ones and keeps the service's own and the caller's.
 */
@API(status = INTERNAL, since = "0.1")
public final class ToolkitClients {

    private ToolkitClients() {}

    /** Adds the plugin to {@code builder} and returns it; SDKs older than plugins (2.21) keep their interceptors. */
    public static <B extends SdkClientBuilder<B, ?>> B withoutGlobalInterceptors(B builder) {
        try {
            return builder.addPlugin(WithoutGlobalInterceptors.INSTANCE);
        } catch (LinkageError e) {
            return builder;
        }
    }

    private enum WithoutGlobalInterceptors implements SdkPlugin {
        INSTANCE;

        @Override
        public void configureClient(software.amazon.awssdk.core.SdkServiceClientConfiguration.Builder config) {
            Set<Class<?>> global = new ClasspathInterceptorChainFactory()
                    .getGlobalInterceptors().stream().map(Object::getClass).collect(Collectors.toSet());
            List<ExecutionInterceptor> kept = config.overrideConfiguration().executionInterceptors().stream()
                    .filter(i -> !global.contains(i.getClass()))
                    .toList();
            config.overrideConfiguration(config.overrideConfiguration().toBuilder()
                    .executionInterceptors(kept)
                    .build());
        }
    }
}

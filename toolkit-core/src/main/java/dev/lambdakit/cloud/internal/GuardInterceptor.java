package dev.lambdakit.cloud.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.lambdakit.cloud.RealAwsGuard;
import org.apiguardian.api.API;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * {@link RealAwsGuard}'s rule as the SDK v2 global interceptor ({@code software/amazon/awssdk/global/handlers/
 * execution.interceptors} in LambdaKit's jar). It has no state and passes only strings to the guard, so an
 * environment that loads the SDK anew ({@code Execution.IN_PROCESS_ISOLATED}) can define it again beside its SDK while
 * the rule and its per-test state stay one.
 */
@API(status = INTERNAL, since = "0.1")
public final class GuardInterceptor implements ExecutionInterceptor {

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String host = context.httpRequest().host();
        if (!RealAwsGuard.isRealAws(host) || !RealAwsGuard.guarding()) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        throw RealAwsGuard.refusal(
                service + "." + operation, context.httpRequest().protocol() + "://" + host);
    }
}

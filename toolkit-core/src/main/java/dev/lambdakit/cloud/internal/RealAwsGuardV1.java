package dev.lambdakit.cloud.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.amazonaws.Request;
import com.amazonaws.handlers.RequestHandler2;
import dev.lambdakit.cloud.RealAwsGuard;
import org.apiguardian.api.API;

/**
 * {@link RealAwsGuard} for the AWS SDK for Java 1.x, still in many Lambda functions: registered for every v1 client
 * through the SDK's global handler list ({@code com/amazonaws/global/handlers/request.handler2s} in LambdaKit's jar)
 * and applying the same rule before a request is sent. Without SDK v1 on the class path the list is never read.
 */
@API(status = INTERNAL, since = "0.1")
public final class RealAwsGuardV1 extends RequestHandler2 {

    @Override
    public void beforeRequest(Request<?> request) {
        String host =
                request.getEndpoint() == null ? null : request.getEndpoint().getHost();
        if (RealAwsGuard.isRealAws(host) && RealAwsGuard.guarding()) {
            String operation = request.getOriginalRequest() == null
                    ? "request"
                    : request.getOriginalRequest().getClass().getSimpleName().replaceFirst("Request$", "");
            throw RealAwsGuard.refusal(
                    request.getServiceName() + "." + operation,
                    request.getEndpoint().getScheme() + "://" + host);
        }
    }
}

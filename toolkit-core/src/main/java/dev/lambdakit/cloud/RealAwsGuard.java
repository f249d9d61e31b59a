package dev.lambdakit.cloud;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Locale;
import org.apiguardian.api.API;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Stops any AWS SDK v2 request to a real AWS endpoint while tests run. It is registered for every SDK client in the
 * JVM (through the SDK's global interceptor list, {@code software/amazon/awssdk/global/handlers/
 * execution.interceptors} in LambdaKit's jar), including clients built inside handlers.
 *
 * <p>A test that means to reach the cloud opts in with {@code @AllowRealAws} (which sets {@value #OPT_IN_VARIABLE}
 * in its function's environment, so only that test's threads are let through), or a whole run with
 * {@code -D}{@value #OPT_IN_PROPERTY}{@code =true}.
 *
 * <pre>{@code
 * S3Client.create().listBuckets(); // in a test: RealAwsAccessException, naming the client and the endpoint
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class RealAwsGuard implements ExecutionInterceptor {

    /** Lets a whole run reach real AWS. */
    public static final String OPT_IN_PROPERTY = "lambdakit.allowRealAws";
    /** Lets the threads whose environment has it set to {@code true} reach real AWS. */
    public static final String OPT_IN_VARIABLE = "LAMBDAKIT_ALLOW_REAL_AWS";

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String host = context.httpRequest().host();
        if (!isRealAws(host) || allowed()) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        throw new RealAwsAccessException("LambdaKit stopped a request to real AWS: " + service + "." + operation
                + " to " + context.httpRequest().protocol() + "://" + host + ". Tests run against emulators: use "
                + "@LambdaTest(services = ...) so clients find the backend's endpoint, or, to reach the cloud on "
                + "purpose, annotate the test with @AllowRealAws (or run with -D" + OPT_IN_PROPERTY + "=true).");
    }

    /** Host names of AWS's public, China and ISO partitions, and the dual-stack and function URL domains. */
    static boolean isRealAws(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".amazonaws.com") || h.endsWith(".amazonaws.com.cn") || h.endsWith(".api.aws")
                || h.endsWith(".on.aws") || h.endsWith(".c2s.ic.gov") || h.endsWith(".sc2s.sgov.gov")
                || h.equals("amazonaws.com");
    }

    private static boolean allowed() {
        return Boolean.getBoolean(OPT_IN_PROPERTY) || "true".equalsIgnoreCase(System.getenv(OPT_IN_VARIABLE));
    }

    /** Thrown for a request to real AWS that no test asked for. */
    public static final class RealAwsAccessException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RealAwsAccessException(String message) {
            super(message);
        }
    }
}

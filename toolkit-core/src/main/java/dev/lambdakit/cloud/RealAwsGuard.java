package dev.lambdakit.cloud;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lambdakit.env.EnvironmentOverlay;
import dev.lambdakit.env.Settings;
import java.util.Locale;
import org.apiguardian.api.API;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Stops AWS SDK v2 requests to real AWS endpoints from what LambdaKit runs. It is registered for every SDK client in
 * the JVM (through the SDK's global interceptor list, {@code software/amazon/awssdk/global/handlers/
 * execution.interceptors} in LambdaKit's jar), including clients built inside handlers. It acts on the threads of a
 * simulated function and of tests annotated with {@code @LambdaTest}, {@code @LambdaServiceTest} or
 * {@code @AllowRealAws}, and on every other thread while such a test or a function environment is active (a pooled
 * thread may be doing a function's work). Tests in the same JVM that run while no LambdaKit test does are left
 * alone, unless setting {@value #MODE_SETTING} is {@code global}.
 *
 * <p>A test that means to reach the cloud opts in with {@code @AllowRealAws} (which sets {@value #OPT_IN_VARIABLE}
 * in its function's environment, so only that test's threads are let through), or a whole run with
 * {@code -D}{@value #OPT_IN_PROPERTY}{@code =true}.
 *
 * <pre>{@code
 * S3Client.create().listBuckets(); // in a @LambdaTest: RealAwsAccessException, naming the client and the endpoint
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class RealAwsGuard implements ExecutionInterceptor {

    /** Lets a whole run reach real AWS. */
    public static final String OPT_IN_PROPERTY = "lambdakit.allowRealAws";
    /** Lets the threads whose environment has it set to {@code true} reach real AWS. */
    public static final String OPT_IN_VARIABLE = "LAMBDAKIT_ALLOW_REAL_AWS";
    /** {@code toolkit} (the default): guard LambdaKit's functions and tests; {@code global}: every test. */
    public static final String MODE_SETTING = "lambdakit.guard";

    /** Per test thread (and threads it starts): whether a LambdaKit-annotated test runs, and if it may reach AWS. */
    private static final InheritableThreadLocal<Boolean> TEST_ALLOWS_REAL_AWS = new InheritableThreadLocal<>();
    /** LambdaKit-annotated tests running now, on any thread. */
    private static final java.util.concurrent.atomic.AtomicInteger ACTIVE_TESTS =
            new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String host = context.httpRequest().host();
        if (!isRealAws(host) || !guarding()) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String stale = SdkSupport.endpointVariablesIgnored()
                .map(reason -> " This request ignored the backend's endpoint variables: " + reason + ".").orElse("");
        throw new RealAwsAccessException("LambdaKit stopped a request to real AWS: " + service + "." + operation
                + " to " + context.httpRequest().protocol() + "://" + host + "." + stale + " Tests run against "
                + "emulators: use @LambdaTest(services = ...) so clients find the backend's endpoint, or, to reach "
                + "the cloud on purpose, annotate the test with @AllowRealAws (or run with -D" + OPT_IN_PROPERTY
                + "=true).");
    }

    /**
     * Marks the calling thread (and threads it starts) as running a LambdaKit-annotated test until the returned scope
     * closes; the JUnit extensions call it around each test.
     */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public static AutoCloseable enterTest(boolean allowRealAws) {
        Boolean previous = TEST_ALLOWS_REAL_AWS.get();
        TEST_ALLOWS_REAL_AWS.set(allowRealAws);
        ACTIVE_TESTS.incrementAndGet();
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            ACTIVE_TESTS.decrementAndGet();
            if (previous == null) {
                TEST_ALLOWS_REAL_AWS.remove();
            } else {
                TEST_ALLOWS_REAL_AWS.set(previous);
            }
        };
    }

    /** Whether a request from the calling thread to real AWS is refused now. */
    static boolean guarding() {
        if (Settings.isTrue(OPT_IN_PROPERTY)) {
            return false;
        }
        if (EnvironmentOverlay.inScope()) {
            return !"true".equalsIgnoreCase(System.getenv(OPT_IN_VARIABLE));
        }
        Boolean testAllows = TEST_ALLOWS_REAL_AWS.get();
        if (testAllows != null) {
            return !testAllows;
        }
        if (ACTIVE_TESTS.get() > 0 || EnvironmentOverlay.isInstalled()) {
            return true; // a thread of no test, such as a pool's, may be doing a function's work
        }
        return "global".equalsIgnoreCase(Settings.get(MODE_SETTING).orElse("toolkit"));
    }

    /** Host names of AWS's public, China and ISO partitions, and the dual-stack and function URL domains. */
    static boolean isRealAws(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1); // "s3.amazonaws.com." is the same host, fully qualified
        }
        return h.endsWith(".amazonaws.com") || h.endsWith(".amazonaws.com.cn") || h.endsWith(".api.aws")
                || h.endsWith(".on.aws") || h.endsWith(".c2s.ic.gov") || h.endsWith(".sc2s.sgov.gov")
                || h.endsWith(".amazonaws.eu") || h.equals("amazonaws.com");
    }

    /** Thrown for a request to real AWS that no test asked for. */
    public static final class RealAwsAccessException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RealAwsAccessException(String message) {
            super(message);
        }
    }
}

package dev.lambdakit.cloud;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.cloud.internal.GuardInterceptor;
import dev.lambdakit.cloud.internal.SdkSupport;
import dev.lambdakit.env.Settings;
import dev.lambdakit.env.internal.EnvironmentOverlay;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * Stops AWS SDK v2 requests to real AWS endpoints from what LambdaKit runs. Its rule is registered for every SDK
 * client in the JVM (through the SDK's global interceptor list, {@code software/amazon/awssdk/global/handlers/
 * execution.interceptors} in LambdaKit's jar), including clients built inside handlers; an instance can also be
 * added to a client by hand. It acts on the threads of a
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
@API(status = EXPERIMENTAL, since = "0.1")
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
    private static final AtomicInteger ACTIVE_TESTS = new AtomicInteger();

    private final GuardInterceptor rule = new GuardInterceptor();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        rule.beforeTransmission(context, attributes);
    }

    /** The error for a refused request, with the cause when the SDK ignored the backend's endpoint variables. */
    @API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
    public static RealAwsAccessException refusal(String call, String endpoint) {
        String stale = SdkSupport.endpointVariablesIgnored()
                .map(reason -> " This request ignored the backend's endpoint variables: " + reason + ".")
                .orElse("");
        return new RealAwsAccessException("LambdaKit stopped a request to real AWS: " + call + " to " + endpoint
                + "." + stale + " Tests run against emulators: use @LambdaTest(services = ...) so clients find the "
                + "backend's endpoint, or, to reach the cloud on purpose, annotate the test with @AllowRealAws (or "
                + "run with -D" + OPT_IN_PROPERTY + "=true).");
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
        AtomicBoolean closed = new AtomicBoolean();
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
    @API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
    public static boolean guarding() {
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

    /** Fixed domains, kept with the SDK's own list in case an SDK predates a partition. */
    private static final List<String> KNOWN_DOMAINS = List.of(
            "amazonaws.com",
            "amazonaws.com.cn",
            "api.aws",
            "on.aws",
            "c2s.ic.gov",
            "sc2s.sgov.gov",
            "cloud.adc-e.uk",
            "csp.hci.ic.gov",
            "amazonaws.eu");

    private static final Set<String> DOMAINS = domains();
    /** Non-loopback addresses of backends LambdaKit started or was given (a remote Docker host, say). */
    private static final Set<String> BACKEND_HOSTS = ConcurrentHashMap.newKeySet();

    /**
     * Whether a request to {@code host} would leave for AWS or another machine: a name in one of AWS's partitions
     * (the DNS suffixes the SDK's partition metadata lists, and the fixed ones), with or without the trailing dot of
     * a fully qualified name, or an IP literal other than loopback and the backends' own (instance metadata's
     * 169.254.169.254 among them).
     */
    @API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
    public static boolean isRealAws(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1); // "s3.amazonaws.com." is the same host, fully qualified
        }
        if (isIpLiteral(h)) {
            return !isLoopback(h) && !BACKEND_HOSTS.contains(h);
        }
        for (String domain : DOMAINS) {
            if (h.equals(domain) || h.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    /** Lets requests reach a backend's host when it is an address other than loopback. */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public static void allowBackendHost(String host) {
        if (host != null) {
            BACKEND_HOSTS.add(host.toLowerCase(Locale.ROOT));
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
    }

    private static boolean isLoopback(String literal) {
        String bare =
                literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1) : literal;
        try {
            return InetAddress.getByName(bare).isLoopbackAddress(); // a literal: no name lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The DNS suffixes of every partition the SDK knows, plus the fixed list. */
    private static Set<String> domains() {
        Set<String> domains = new LinkedHashSet<>(KNOWN_DOMAINS);
        try {
            for (Region region : Region.regions()) {
                PartitionMetadata partition = PartitionMetadata.of(region);
                if (partition != null && partition.dnsSuffix() != null) {
                    domains.add(partition.dnsSuffix().toLowerCase(Locale.ROOT));
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // an SDK without partition metadata: the fixed list alone
        }
        return Set.copyOf(domains);
    }

    /** Thrown for a request to real AWS that no test asked for. */
    public static final class RealAwsAccessException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RealAwsAccessException(String message) {
            super(message);
        }
    }
}

package dev.lambdakit.runtime.internal;

import dev.lambdakit.function.Execution;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Gives each execution environment its own copy of the project's classes, so a cold start runs static
 * initialisers again, as a fresh JVM in Lambda does.
 *
 * <p>By default ({@link Execution#IN_PROCESS}), classes found in a directory on the classpath (the project's {@code
 * target/classes} and {@code target/test-classes}) that have static state, or reach a class that has, are defined
 * again here ({@link StaticState}); everything else (classes without static state, the JDK, the Lambda libraries, the
 * AWS SDK, test frameworks and every jar) is shared with the test, so objects the test builds (events, mocks) pass
 * through unchanged, and libraries that map the function's classes see the same ones.
 *
 * <p>With {@link Execution#IN_PROCESS_ISOLATED} every class is defined again, from directories and jars alike, except
 * what a Lambda process does not get from the function's code: the JDK, the Lambda Java interfaces and events the
 * runtime hands over ({@code com.amazonaws.services.lambda.runtime}), the test frameworks and LambdaKit. A cold start
 * then resets the libraries' static state too (a logging configuration, Powertools' cold-start flag). LambdaKit's
 * plug-ins that a library loads by name (its SDK v1/v2 guards) are defined again with the library they plug into.
 */
final class EnvironmentClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String OWN_ROOT = rootOf(EnvironmentClassLoader.class);
    /** Packages a function never brings itself, shared with the test under either isolation. */
    private static final List<String> SHARED = List.of(
            "com.amazonaws.services.lambda.runtime.",
            "com.amazonaws.lambda.thirdparty.",
            "org.junit.",
            "org.opentest4j.",
            "org.apiguardian.",
            "org.assertj.",
            "org.mockito.",
            "net.bytebuddy.",
            "org.objenesis.",
            "org.hamcrest.",
            "org.apache.maven.surefire.",
            "org.testcontainers.",
            "com.github.dockerjava.",
            "org.jacoco.");
    /** Inside a shared package, the libraries a function brings itself: Lambda's Log4j 2 appender. */
    private static final String LAMBDA_LOG4J2 = "com.amazonaws.services.lambda.runtime.log4j2.";
    /** LambdaKit's plug-ins, named in a library's registry file and loaded by the library's own loader. */
    private static final Set<String> PLUGINS =
            Set.of("dev.lambdakit.cloud.internal.GuardInterceptor", "dev.lambdakit.cloud.internal.RealAwsGuardV1");

    /** LambdaKit's packages; shared when they come from LambdaKit's own code (not a project's classes in them). */
    private static final List<String> TOOLKIT = List.of(
            "dev.lambdakit.function.",
            "dev.lambdakit.runtime.",
            "dev.lambdakit.env.",
            "dev.lambdakit.events.",
            "dev.lambdakit.cloud.",
            "dev.lambdakit.server.",
            "dev.lambdakit.replay.",
            "dev.lambdakit.process.",
            "dev.lambdakit.junit.",
            "dev.lambdakit.embedded.");
    /** A class of each LambdaKit artifact, to find where its code comes from. */
    private static final List<String> TOOLKIT_ANCHORS = List.of(
            "dev/lambdakit/runtime/internal/EnvironmentClassLoader.class",
            "dev/lambdakit/junit/LambdaExtension.class",
            "dev/lambdakit/embedded/S3Server.class");

    /**
     * Class files read from jars, kept for the next isolated environment: a jar does not change during a run (a
     * project's directories do, between a test and a recompile, so they are read each time). Unbounded, but no larger
     * than the classes isolated functions use.
     */
    private static final ConcurrentMap<String, byte[]> JAR_BYTES = new ConcurrentHashMap<>();

    private static final Map<ClassLoader, Map<String, List<URL>>> SERVICES = new WeakHashMap<>();
    private static final Map<ClassLoader, Map<String, Object>> DECISIONS = new WeakHashMap<>();
    private static final Object SHARED_WITH_TEST = new Object();

    private final boolean libraries;
    private final Set<String> toolkitRoots;
    private final ConcurrentMap<String, ProtectionDomain> domains = new ConcurrentHashMap<>();

    /**
     * Unnamed, like the runtime's own class loader, so stack frames read as they do in the cloud.
     *
     * @param libraries whether jars are defined again too ({@link Execution#IN_PROCESS_ISOLATED})
     */
    EnvironmentClassLoader(ClassLoader parent, boolean libraries) {
        super(parent);
        this.libraries = libraries;
        this.toolkitRoots = libraries ? toolkitRoots() : Set.of();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                URL url = decided(name);
                c = url != null ? define(name, url) : getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /**
     * Service registrations ({@code META-INF/services}) as the parent finds them, per parent: every environment asks
     * (the runtime's custom-serializer lookup, the SDK's HTTP client and interceptor discovery), each ask walks every
     * jar, and the answer cannot change during a run.
     */
    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!name.startsWith("META-INF/services/") || getParent() == null) {
            return super.getResources(name);
        }
        Map<String, List<URL>> known;
        synchronized (SERVICES) {
            known = SERVICES.computeIfAbsent(getParent(), p -> new ConcurrentHashMap<>());
        }
        List<URL> urls = known.get(name);
        if (urls == null) {
            urls = Collections.list(getParent().getResources(name));
            known.put(name, urls);
        }
        return Collections.enumeration(urls);
    }

    /**
     * {@link #reloadable}, remembered per parent and isolation: the answer for a name cannot change during a run, and
     * finding it asks the parent for the class file, a file-system check per class path folder, on every class every
     * environment loads.
     */
    private URL decided(String name) {
        Map<String, Object> known;
        synchronized (DECISIONS) {
            known = DECISIONS.computeIfAbsent(getParent(), p -> new ConcurrentHashMap<>());
        }
        String key = libraries ? "L" + name : "C" + name;
        Object decision = known.get(key);
        if (decision == null) {
            URL url = reloadable(name);
            decision = url != null ? url : SHARED_WITH_TEST;
            known.put(key, decision);
        }
        return decision instanceof URL url ? url : null;
    }

    private URL reloadable(String name) {
        if (name.startsWith("java.")
                || name.startsWith("javax.")
                || name.startsWith("jdk.")
                || name.startsWith("sun.")
                || name.startsWith("com.sun.")) {
            return null;
        }
        String resource = name.replace('.', '/') + ".class";
        URL url = getParent().getResource(resource);
        if (url == null) {
            return null;
        }
        if (libraries) {
            boolean fromCode = "file".equals(url.getProtocol()) || "jar".equals(url.getProtocol());
            if (!fromCode || PLUGINS.contains(name)) {
                return fromCode ? url : null;
            }
            boolean shared = (!name.startsWith(LAMBDA_LOG4J2) && SHARED.stream().anyMatch(name::startsWith))
                    || (TOOLKIT.stream().anyMatch(name::startsWith) && toolkitRoots.contains(rootOf(url, resource)));
            return shared ? null : url;
        }
        if (!"file".equals(url.getProtocol())) {
            return null;
        }
        String root = url.toExternalForm();
        root = root.substring(0, root.length() - resource.length());
        return root.equals(OWN_ROOT) || !StaticState.needsReload(root, name) ? null : url;
    }

    private Class<?> define(String name, URL url) throws ClassNotFoundException {
        byte[] bytes = "jar".equals(url.getProtocol()) ? JAR_BYTES.get(url.toExternalForm()) : null;
        if (bytes == null) {
            try (InputStream in = url.openStream()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new ClassNotFoundException(name + " (could not read " + url + ")", e);
            }
            if ("jar".equals(url.getProtocol())) {
                JAR_BYTES.putIfAbsent(url.toExternalForm(), bytes);
            }
        }
        String resource = name.replace('.', '/') + ".class";
        String root = url.toExternalForm().substring(0, url.toExternalForm().length() - resource.length());
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            String pkg = name.substring(0, dot);
            if (getDefinedPackage(pkg) == null) {
                try {
                    definePackage(pkg, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException alreadyDefined) {
                    // another thread defined it first
                }
            }
        }
        ProtectionDomain domain = domains.computeIfAbsent(root, r -> {
            // a jar's classes come from jar:file:/x.jar!/..., its code source is the jar itself
            String location = r.startsWith("jar:") && r.endsWith("!/") ? r.substring(4, r.length() - 2) : r;
            try {
                return new ProtectionDomain(new CodeSource(new URL(location), (Certificate[]) null), null, this, null);
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        });
        return defineClass(name, bytes, 0, bytes.length, domain);
    }

    private Set<String> toolkitRoots() {
        Set<String> roots = new java.util.HashSet<>();
        for (String anchor : TOOLKIT_ANCHORS) {
            URL url = getParent().getResource(anchor);
            if (url != null) {
                roots.add(rootOf(url, anchor));
            }
        }
        return roots;
    }

    private static String rootOf(URL url, String resource) {
        String s = url.toExternalForm();
        return s.substring(0, s.length() - resource.length());
    }

    private static String rootOf(Class<?> cls) {
        String resource = cls.getName().replace('.', '/') + ".class";
        URL url = cls.getClassLoader() == null ? null : cls.getClassLoader().getResource(resource);
        if (url == null) {
            return "";
        }
        String s = url.toExternalForm();
        return s.substring(0, s.length() - resource.length());
    }
}

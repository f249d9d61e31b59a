package dev.lambdakit.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Gives each execution environment its own copy of the project's classes, so a cold start runs static
 * initialisers again, as a fresh JVM in Lambda does.
 *
 * <p>Classes found in a directory on the classpath (the project's {@code target/classes} and {@code
 * target/test-classes}) that have static state, or reach a class that has, are defined again here ({@link
 * StaticState}); everything else (classes without static state, the JDK, the Lambda libraries, the AWS SDK, test
 * frameworks and every jar) is shared with the test, so objects the test builds (events, mocks) pass through
 * unchanged, and libraries that map the function's classes see the same ones. LambdaKit's own classes are always
 * shared.
 */
final class EnvironmentClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String OWN_ROOT = rootOf(EnvironmentClassLoader.class);
    private final ConcurrentMap<String, ProtectionDomain> domains = new ConcurrentHashMap<>();

    /** Unnamed, like the runtime's own class loader, so stack frames read as they do in the cloud. */
    EnvironmentClassLoader(ClassLoader parent) {
        super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                URL url = reloadable(name);
                c = url != null ? define(name, url) : getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
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
        if (url == null || !"file".equals(url.getProtocol())) {
            return null;
        }
        String root = url.toExternalForm();
        root = root.substring(0, root.length() - resource.length());
        return root.equals(OWN_ROOT) || !StaticState.needsReload(root, name) ? null : url;
    }

    private Class<?> define(String name, URL url) throws ClassNotFoundException {
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name + " (could not read " + url + ")", e);
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
            try {
                return new ProtectionDomain(new CodeSource(new URL(r), (Certificate[]) null), null, this, null);
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        });
        return defineClass(name, bytes, 0, bytes.length, domain);
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

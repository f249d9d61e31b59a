package dev.lambdakit.cloud;

import dev.lambdakit.env.internal.ScratchFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The emulators of {@code dev.lambdakit:toolkit-embedded}, loaded in a class loader of their own whose parent is the
 * JDK's platform loader. They bring their own Jackson, AWS SDK, Jetty, Scala and logging; seen from the test class
 * path there is one jar and none of those libraries, so a project's BOM cannot change their versions, and theirs
 * cannot change the project's.
 */
final class IsolatedEmulators {

    static final String INDEX = "META-INF/lambdakit/embedded/classpath.txt";

    private static ClassLoader loader;

    private IsolatedEmulators() {}

    /** Whether toolkit-embedded is on the class path. */
    static boolean present() {
        return IsolatedEmulators.class.getClassLoader().getResource(INDEX) != null;
    }

    /**
     * Starts an emulator's bridge class, one that implements {@code Supplier<URI>} (its endpoint) and
     * {@code AutoCloseable}, with these constructor arguments.
     *
     * @throws MissingArtifactException when toolkit-embedded is not on the class path
     */
    static Running start(String bridge, Object... arguments) throws Exception {
        ClassLoader isolated = loader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Guice, ServiceLoader and Pekko look classes up through the context loader, and the threads they start
        // inherit it.
        thread.setContextClassLoader(isolated);
        try {
            Class<?> type = Class.forName(bridge, true, isolated);
            Class<?>[] parameters = new Class<?>[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                parameters[i] = arguments[i].getClass();
            }
            Object server = type.getConstructor(parameters).newInstance(arguments);
            @SuppressWarnings("unchecked")
            URI endpoint = ((Supplier<URI>) server).get();
            return new Running(endpoint, (AutoCloseable) server);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A started emulator. */
    record Running(URI endpoint, AutoCloseable server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    private static synchronized ClassLoader loader() throws IOException {
        if (loader == null) {
            URL index = IsolatedEmulators.class.getClassLoader().getResource(INDEX);
            if (index == null) {
                throw new MissingArtifactException("The embedded S3 and SQS need " + EmbeddedBackend.ARTIFACT + " on "
                        + "the test class path: add it as a test dependency, its version managed by "
                        + "dev.lambdakit:lambdakit-bom");
            }
            loader = new URLClassLoader(
                    "lambdakit-embedded", urls(index).toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        }
        return loader;
    }

    /** The bridge classes' root, then every library jar: used in place in a folder, copied out of a jar once. */
    private static List<URL> urls(URL index) throws IOException {
        String text;
        try (InputStream in = index.openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        List<URL> urls = new ArrayList<>();
        String base = index.toString().substring(0, index.toString().length() - INDEX.length());
        if ("jar".equals(index.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) index.openConnection();
            urls.add(connection.getJarFileURL());
            Path folder = Files.createDirectories(ScratchFolder.get().resolve("embedded"));
            for (String entry : text.split(";")) {
                Path target = folder.resolve(entry.substring(entry.lastIndexOf('/') + 1));
                try (InputStream in =
                        url(base + "META-INF/lambdakit/embedded/" + entry).openStream()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                urls.add(target.toUri().toURL());
            }
        } else {
            urls.add(url(base));
            for (String entry : text.split(";")) {
                urls.add(url(base + "META-INF/lambdakit/embedded/" + entry));
            }
        }
        return urls;
    }

    private static URL url(String spec) {
        try {
            return new URI(spec).toURL();
        } catch (URISyntaxException | MalformedURLException e) {
            throw new UncheckedIOException(new IOException("Bad embedded library location " + spec, e));
        }
    }
}

package dev.lambdakit.junit;

import dev.lambdakit.events.EventJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** Loads {@link Event @Event} files and folders from the test classpath, through the runtime's serializer. */
final class EventFiles {

    private static final Pattern LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_.-]*)}");

    private EventFiles() {}

    /** A file found on the classpath: its name (for display) and contents. */
    record Found(String name, byte[] bytes) {}

    /** Loads a file, or for a path ending in '/' every JSON file of the folder into a List. */
    static Object load(String path, Type type, ClassLoader loader, Map<String, String> values) {
        if (path.endsWith("/")) {
            if (!(type instanceof ParameterizedType pt) || pt.getRawType() != List.class) {
                throw new ParameterResolutionException("@Event folder '" + path + "' needs a List<EventType> "
                        + "parameter, but the parameter is a " + type.getTypeName());
            }
            Type element = pt.getActualTypeArguments()[0];
            List<Object> events = new ArrayList<>();
            for (Found f : folder(path, loader)) {
                events.add(convert(f, element, values));
            }
            return events;
        }
        return convert(file(path, loader), type, values);
    }

    /**
     * A file from the test class path, or else relative to the working directory (the project folder under Maven's
     * and Gradle's test runners), where aws-lambda-java-tests users keep events such as
     * {@code src/test/resources/events/x.json}.
     */
    static Found file(String path, ClassLoader loader) {
        String resource = path.startsWith("/") ? path.substring(1) : path;
        URL url = loader.getResource(resource);
        if (url == null) {
            Path onDisk = Path.of(path);
            if (Files.isRegularFile(onDisk)) {
                try {
                    return new Found(path, Files.readAllBytes(onDisk));
                } catch (IOException e) {
                    throw new ParameterResolutionException(
                            "@Event file '" + path + "' could not be read from " + onDisk.toAbsolutePath(), e);
                }
            }
            throw new ParameterResolutionException("@Event file '" + path + "' was found neither on the test class "
                    + "path (as resource '" + resource + "') nor as a file relative to "
                    + Path.of("").toAbsolutePath() + "; put it under src/test/resources/" + resource
                    + ", or give its path from "
                    + "the project folder");
        }
        try {
            return new Found(path, cached(url));
        } catch (IOException e) {
            throw new ParameterResolutionException("@Event file '" + path + "' could not be read from " + url, e);
        }
    }

    /** File contents by URL, with the modification time for files on disk (a jar's entries do not change). */
    private record Text(byte[] bytes, long modified) {}

    private static final Map<String, Text> TEXTS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The bytes at {@code url}, read once per JVM and again only when a file on disk changed: many tests inject the
     * same event file, and reading it from a jar (an inflate per test) cost most of an injection.
     */
    private static byte[] cached(URL url) throws IOException {
        String key = url.toExternalForm();
        long modified = -1;
        if ("file".equals(url.getProtocol())) {
            try {
                modified = Files.getLastModifiedTime(Path.of(url.toURI())).toMillis();
            } catch (java.net.URISyntaxException | RuntimeException e) {
                modified = System.nanoTime(); // unknown: never matches, so read again
            }
        }
        Text known = TEXTS.get(key);
        if (known == null || known.modified() != modified) {
            try (InputStream in = url.openStream()) {
                known = new Text(in.readAllBytes(), modified);
            }
            TEXTS.put(key, known);
        }
        return known.bytes().clone();
    }

    /** Every {@code .json} file directly in the folder, from directories and jars, sorted by name. */
    static List<Found> folder(String path, ClassLoader loader) {
        String resource = (path.startsWith("/") ? path.substring(1) : path);
        resource = resource.endsWith("/") ? resource : resource + "/";
        TreeMap<String, Found> found = new TreeMap<>();
        try {
            Enumeration<URL> roots = loader.getResources(resource);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("file".equals(root.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                        for (Path f : files.filter(p -> p.toString().endsWith(".json"))
                                .toList()) {
                            found.putIfAbsent(
                                    f.getFileName().toString(),
                                    new Found(resource + f.getFileName(), Files.readAllBytes(f)));
                        }
                    }
                } else if ("jar".equals(root.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) root.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (JarEntry e : Collections.list(jar.entries())) {
                            String name = e.getName();
                            if (name.startsWith(resource)
                                    && name.endsWith(".json")
                                    && name.indexOf('/', resource.length()) < 0) {
                                try (InputStream in = jar.getInputStream(e)) {
                                    found.putIfAbsent(
                                            name.substring(resource.length()), new Found(name, in.readAllBytes()));
                                }
                            }
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new ParameterResolutionException("@Event folder '" + path + "' could not be listed: " + e, e);
        }
        if (found.isEmpty()) {
            throw new ParameterResolutionException("@Event folder '" + path + "' has no .json files on the test "
                    + "classpath (looked up as resource folder '" + resource + "'; inside a jar the folder needs "
                    + "its directory entry, which jar tools write)");
        }
        return new ArrayList<>(found.values());
    }

    static Object convert(Found file, Type type, Map<String, String> values) {
        byte[] bytes = file.bytes();
        if (type == byte[].class || type == InputStream.class) {
            return type == byte[].class ? bytes : new ByteArrayInputStream(bytes);
        }
        String text = substitute(file.name(), new String(bytes, StandardCharsets.UTF_8), values);
        if (type == String.class) {
            return text;
        }
        try {
            return EventJson.fromJson(text.getBytes(StandardCharsets.UTF_8), type);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException(
                    "@Event file '" + file.name() + "' does not parse as " + type.getTypeName() + location(e) + ": "
                            + rootMessage(e),
                    e);
        }
    }

    /** Replaces {@code ${name}}; an unknown name fails with its line and column. */
    static String substitute(String fileName, String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                int line = 1;
                int lineStart = 0;
                for (int i = 0; i < m.start(); i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                throw new ParameterResolutionException("@Event file '" + fileName + "' at line " + line
                        + ", column " + (m.start() - lineStart + 1) + ": unknown placeholder " + m.group()
                        + "; known placeholders are " + new TreeSet<>(values.keySet())
                        + " (add your own with placeholders = \"name=value\")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String location(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = LOCATION.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return " at line " + m.group(1) + ", column " + m.group(2);
            }
        }
        return "";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = String.valueOf(t.getMessage());
        int cut = msg.indexOf("\n at [Source");
        return cut > 0 ? msg.substring(0, cut) : msg;
    }
}

package dev.lambdakit.junit;

import dev.lambdakit.events.EventJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** Loads {@link Event @Event} files from the test classpath, through the runtime's serializer. */
final class EventFiles {

    private static final Pattern LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");

    private EventFiles() {
    }

    static Object load(String path, Type type, Class<?> testClass) {
        String resource = path.startsWith("/") ? path.substring(1) : path;
        ClassLoader loader = testClass.getClassLoader();
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new ParameterResolutionException("@Event file '" + path + "' was not found on the test classpath "
                    + "(looked up as resource '" + resource + "'); put it under src/test/resources/" + resource);
        }
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ParameterResolutionException("@Event file '" + path + "' could not be read from " + url, e);
        }
        if (type == byte[].class) {
            return bytes;
        }
        if (type == String.class) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (type == InputStream.class) {
            return new ByteArrayInputStream(bytes);
        }
        try {
            return EventJson.fromJson(bytes, type);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("@Event file '" + path + "' does not parse as "
                    + type.getTypeName() + location(e) + ": " + rootMessage(e), e);
        }
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

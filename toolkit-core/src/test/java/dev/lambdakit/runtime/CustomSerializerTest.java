package dev.lambdakit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import dev.lambdakit.function.FunctionConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function's registered {@link CustomPojoSerializer} replaces the runtime's serializer, as on Lambda, even for types
 * whose default serializer LambdaKit shares between environments.
 */
class CustomSerializerTest {

    /** Reads every event as the map {@code {"custom": <the raw JSON>}} and writes results in upper case. */
    public static class Shouting implements CustomPojoSerializer {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T fromJson(InputStream input, Type type) {
            try {
                return fromJson(new String(input.readAllBytes(), StandardCharsets.UTF_8), type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T fromJson(String input, Type type) {
            return (T) Map.of("custom", input.replace('"', '\''));
        }

        @Override
        public <T> void toJson(T value, OutputStream output, Type type) {
            try {
                output.write(("\"" + String.valueOf(value).toUpperCase() + "\"").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static class Echo {
        public String handle(Map<String, String> event) {
            return "got " + event;
        }
    }

    private static Object run() {
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(Echo.class.getName() + "::handle")
                .build())) {
            return fn.invoke(Map.of("a", "b")).output();
        }
    }

    @Test
    @DisplayName("a registered custom serializer reads and writes; without one, the runtime's serializer does")
    void customSerializer(@TempDir Path dir) throws IOException {
        assertThat(run()).isEqualTo("got {a=b}");
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(CustomPojoSerializer.class.getName()), Shouting.class.getName() + "\n");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader registered =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(registered);
            assertThat(run()).isEqualTo("GOT {CUSTOM={'A':'B'}}");
        } finally {
            thread.setContextClassLoader(previous);
        }
        assertThat(run()).as("again without the registration").isEqualTo("got {a=b}");
    }
}

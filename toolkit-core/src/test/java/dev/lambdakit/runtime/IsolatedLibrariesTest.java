package dev.lambdakit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.function.Execution;
import dev.lambdakit.function.FunctionConfig;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What a cold start resets: under {@link Execution#IN_PROCESS} the project's classes, under {@link
 * Execution#IN_PROCESS_ISOLATED} its libraries too, as a fresh JVM would. The library here is a jar built by the test,
 * shaped like Powertools: a static cold-start flag and a level read from the environment once per class load.
 */
class IsolatedLibrariesTest {

    private static final String FLAG = """
            package org.example.tools;
            public final class ColdStart {
                private static Boolean done;
                private static final String LEVEL = System.getenv("TOOLS_LOG_LEVEL");
                public static boolean isColdStart() { return done == null; }
                public static void coldStartDone() { done = Boolean.FALSE; }
                public static String level() { return LEVEL; }
            }
            """;
    private static final String HANDLER = """
            package org.example.tools;
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            public class ToolsHandler implements RequestHandler<Object, String> {
                public String handleRequest(Object in, Context context) {
                    boolean cold = ColdStart.isColdStart();
                    ColdStart.coldStartDone();
                    return "coldStart=" + cold + " level=" + ColdStart.level();
                }
            }
            """;

    @TempDir
    static Path dir;

    private static Path jar;
    /** The test's class path plus the library: one for the whole class, as a project's class path is. */
    private static URLClassLoader withLibrary;

    @BeforeAll
    static void buildLibrary() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/org/example/tools"));
        Files.writeString(src.resolve("ColdStart.java"), FLAG);
        Files.writeString(src.resolve("ToolsHandler.java"), HANDLER);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(
                null,
                null,
                null,
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                src.resolve("ColdStart.java").toString(),
                src.resolve("ToolsHandler.java").toString());
        assertThat(rc).as("javac exit code").isZero();
        jar = dir.resolve("tools.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        withLibrary = new URLClassLoader(new URL[] {jar.toUri().toURL()}, IsolatedLibrariesTest.class.getClassLoader());
    }

    @AfterAll
    static void closeLoader() throws IOException {
        withLibrary.close();
    }

    /** Runs the library's handler with the library jar on the test's (context) class path. */
    private static List<String> run(Execution execution, String level, boolean coldStartBetween) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(withLibrary);
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler("org.example.tools.ToolsHandler")
                .execution(execution)
                .env("TOOLS_LOG_LEVEL", level)
                .build())) {
            String first = (String) fn.invoke("{}").output();
            String warm = (String) fn.invoke("{}").output();
            if (coldStartBetween) {
                fn.forceColdStart();
            }
            return List.of(first, warm, (String) fn.invoke("{}").output());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    @DisplayName("IN_PROCESS_ISOLATED: a cold start resets a library's static state, as a fresh JVM does")
    void isolatedResetsLibraries() {
        assertThat(run(Execution.IN_PROCESS_ISOLATED, "DEBUG", true))
                .containsExactly(
                        "coldStart=true level=DEBUG", "coldStart=false level=DEBUG", "coldStart=true level=DEBUG");
        assertThat(run(Execution.IN_PROCESS_ISOLATED, "WARN", false))
                .as("a new environment with other variables")
                .containsExactly(
                        "coldStart=true level=WARN", "coldStart=false level=WARN", "coldStart=false level=WARN");
    }

    @Test
    @DisplayName("IN_PROCESS: libraries are shared, so their static state outlives a cold start (the documented limit)")
    void inProcessSharesLibraries() {
        List<String> first = run(Execution.IN_PROCESS, "DEBUG", true);
        assertThat(first.get(1)).isEqualTo("coldStart=false level=DEBUG");
        assertThat(first.get(2)).as("after a forced cold start").startsWith("coldStart=false");
        assertThat(run(Execution.IN_PROCESS, "WARN", false).get(0)).isEqualTo("coldStart=false level=DEBUG");
    }

    /** Builds an SDK client as handlers do. */
    public static class SdkHandler {
        private final S3Client s3 = S3Client.builder().region(Region.US_EAST_1).build();

        /** Whether the SDK the handler sees is the test's own copy. */
        public boolean sdkShared(Object ignored) {
            return S3Client.class == System.getProperties().get(TEST_SDK);
        }

        /** Real AWS: the guard must refuse it from whichever SDK copy this environment has. */
        public String callAws(Object ignored) {
            s3.listBuckets();
            return "reached AWS";
        }
    }

    /** A JDK-held slot for the test's own SDK class: a static field of a reloaded class would be reloaded too. */
    private static final String TEST_SDK = "lambdakit.test.s3Client";

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"IN_PROCESS", "IN_PROCESS_ISOLATED"})
    @DisplayName("the SDK is the environment's own only when isolated, and the guard refuses real AWS either way")
    void sdkCopyAndGuard(Execution execution) {
        System.getProperties().put(TEST_SDK, S3Client.class);
        for (String method : List.of("sdkShared", "callAws")) {
            try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                    .handler(SdkHandler.class.getName() + "::" + method)
                    .execution(execution)
                    .build())) {
                InvocationResult<Object> result = fn.invoke("{}");
                if (method.equals("sdkShared")) {
                    assertThat(result.output()).isEqualTo(execution == Execution.IN_PROCESS);
                } else {
                    assertThat(result.isSuccess()).isFalse();
                    assertThat(result.error().orElseThrow().errorType()).endsWith("RealAwsAccessException");
                    assertThat(result.error().orElseThrow().errorMessage()).contains("S3.ListBuckets");
                }
            }
        }
    }

    @Test
    @DisplayName(
            "IN_PROCESS_ISOLATED: an ended environment leaves no library thread behind (the SDK's reaper included)")
    void isolatedLeavesNoThreads() throws InterruptedException {
        String name = "isolated-threads";
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .functionName(name)
                .handler(SdkHandler.class.getName() + "::sdkShared")
                .execution(Execution.IN_PROCESS_ISOLATED)
                .build())) {
            for (int i = 0; i < 3; i++) {
                assertThat(fn.invoke("{}").isSuccess()).isTrue();
                fn.forceColdStart();
            }
        }
        List<Thread> left = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getThreadGroup() != null
                        && t.getThreadGroup().getName().startsWith("lambdakit-" + name + "-"))
                .toList();
        for (Thread t : left) {
            t.join(10_000); // ending is asynchronous; a thread still alive after this is a leak
        }
        assertThat(left).filteredOn(Thread::isAlive).isEmpty();
    }
}

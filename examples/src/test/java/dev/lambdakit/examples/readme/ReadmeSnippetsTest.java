package dev.lambdakit.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Keeps README.md true: every Java snippet in it compiles against this module and its tests pass. */
class ReadmeSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("(?m)^(?:public\\s+)?class\\s+(\\w+)");

    static Path readme() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("README.md")) && Files.exists(p.resolve("toolkit-core"))) {
                return p.resolve("README.md");
            }
        }
        throw new IllegalStateException("README.md not found above " + here);
    }

    private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);

    /**
     * The build snippets are what a consumer build in consumer-tests uses verbatim, so the README's set-up is the
     * one those builds prove.
     */
    @Test
    void everyBuildSnippetStandsInAConsumerBuild() throws IOException {
        Path root = readme().getParent();
        String version = Files.readString(root.resolve("lambdakit-bom/pom.xml"))
                .replaceFirst("(?s).*?<version>([^<]+)</version>.*", "$1");
        String consumerPom = normalized(Files.readString(root.resolve("consumer-tests/src/it/junit-6/pom.xml"))
                .replace("@project.version@", version));
        Matcher block = XML_BLOCK.matcher(Files.readString(readme()));
        int found = 0;
        while (block.find()) {
            assertThat(consumerPom)
                    .as("consumer-tests/src/it/junit-6/pom.xml holds the README snippet%n%s", block.group(1))
                    .contains(normalized(block.group(1)));
            found++;
        }
        assertThat(found).as("XML snippets in README.md").isGreaterThanOrEqualTo(3);
    }

    private static String normalized(String xml) {
        return xml.replaceAll("\\s+", " ").replace("> <", "><").trim();
    }

    @Test
    void everySnippetCompilesAndItsTestsPass(@TempDir Path dir) throws IOException, ClassNotFoundException {
        String readme = Files.readString(readme());
        List<String> classes = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(readme);
        while (block.find()) {
            String source = block.group(1);
            Matcher name = CLASS_NAME.matcher(source);
            assertThat(name.find()).as("snippet declares a class:%n%s", source).isTrue();
            Path file = dir.resolve(name.group(1) + ".java");
            Files.writeString(file, source);
            classes.add(name.group(1));
            files.add(file.toString());
        }
        assertThat(classes).as("Java snippets in README.md").hasSizeGreaterThanOrEqualTo(2);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(
                List.of("-d", dir.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none"));
        args.addAll(files);
        StringWriter errors = new StringWriter();
        int status = javac.run(
                null,
                null,
                new java.io.PrintStream(new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        errors.write(b);
                    }
                }),
                args.toArray(String[]::new));
        assertThat(status).as("javac output:%n%s", errors).isZero();

        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            for (String cls : classes) {
                Class<?> snippet = loader.loadClass(cls);
                EngineTestKit.engine("junit-jupiter")
                        .selectors(selectClass(snippet))
                        .execute()
                        .testEvents()
                        .assertStatistics(s -> s.failed(0).aborted(0))
                        .assertThatEvents()
                        .haveAtLeastOne(org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully());
            }
        }
    }
}

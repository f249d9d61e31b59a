package dev.lambdakit.junit;

import dev.lambdakit.function.LambdaConfigurationException;
import dev.lambdakit.template.SamTemplate;
import dev.lambdakit.template.TemplateFunction;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Finds, reads and remembers the SAM or CloudFormation templates that {@code @LambdaTest(template = ...)} and {@code
 * @LambdaServiceTest(template = ...)} name, and says once per function what in them is not simulated.
 */
final class TemplateFiles {

    /** Parsed templates by file, read again when the file changes (a test suite reads each once). */
    private static final Map<Path, Cached> CACHE = new ConcurrentHashMap<>();

    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private record Cached(FileTime modified, SamTemplate template) {}

    private TemplateFiles() {}

    /**
     * The template at {@code name} with the test's parameters and region.
     *
     * @param name a path, absolute or relative to the working directory (the module's folder under Maven and
     *     Gradle) or one of its parents (a template at the root of a multi-module project), else a class path resource
     * @param parameters {@code Name=value} entries
     */
    static SamTemplate load(String name, String[] parameters, String region, String owner) {
        Path file = locate(name, owner);
        SamTemplate template;
        try {
            return read(file).withParameters(List.of(parameters)).withRegion(region);
        } catch (LambdaConfigurationException e) {
            throw new ExtensionConfigurationException(owner + ": " + e.getMessage(), e);
        }
    }

    /** The named function, or the template's only one when no name is given. */
    static TemplateFunction function(SamTemplate template, String function, String owner) {
        try {
            TemplateFunction found = template.function(function.isEmpty() ? template.onlyFunctionName() : function);
            reportSkipped(template, found);
            return found;
        } catch (LambdaConfigurationException e) {
            throw new ExtensionConfigurationException(owner + ": " + e.getMessage(), e);
        }
    }

    /** Once per JVM and function: what the template sets that the test does not get. */
    private static void reportSkipped(SamTemplate template, TemplateFunction function) {
        if (!function.skipped().isEmpty() && REPORTED.add(template.source() + "#" + function.logicalId())) {
            System.err.println("LAMBDAKIT: " + template.source() + ", " + function.logicalId() + ": not simulated, "
                    + "skipped: " + String.join("; ", function.skipped()));
        }
    }

    private static SamTemplate read(Path file) {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            modified = FileTime.fromMillis(0);
        }
        Cached cached = CACHE.get(file);
        if (cached == null || !cached.modified().equals(modified)) {
            cached = new Cached(modified, SamTemplate.load(file));
            CACHE.put(file, cached);
        }
        return cached.template();
    }

    private static Path locate(String name, String owner) {
        Path given = Path.of(name);
        List<Path> tried = new ArrayList<>();
        if (given.isAbsolute()) {
            tried.add(given);
        } else {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null && tried.size() < 4; dir = dir.getParent()) {
                tried.add(dir.resolve(name));
            }
        }
        for (Path candidate : tried) {
            if (Files.isRegularFile(candidate)) {
                return candidate.normalize();
            }
        }
        URL resource = Thread.currentThread().getContextClassLoader().getResource(name);
        if (resource != null && resource.getProtocol().equals("file")) {
            try {
                return Path.of(resource.toURI());
            } catch (URISyntaxException e) {
                // fall through to the message
            }
        }
        throw new ExtensionConfigurationException(owner + ": template '" + name + "' not found; looked at " + tried
                + " and the test class path. Give the path from the module's folder (for example template.yaml or "
                + "cdk.out/OrdersStack.template.json) or an absolute one");
    }
}

package dev.lambdakit.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A number that changes when a class file under a folder is added, removed or rewritten. */
final class ClassesState {

    private ClassesState() {}

    static long of(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(ClassesState::stamp)
                    .sum();
        } catch (IOException | UncheckedIOException e) {
            return -1; // mid-rewrite: the next look sees the settled state
        }
    }

    private static long stamp(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() * 31 + file.hashCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

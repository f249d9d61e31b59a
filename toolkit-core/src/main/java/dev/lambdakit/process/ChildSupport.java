package dev.lambdakit.process;

import dev.lambdakit.env.internal.ScratchFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * What every forked runtime shares, prepared once per JVM in its {@link ScratchFolder}: the parent-watch agent as a
 * jar, and the runtime interface client's native library extracted ahead of time (starting several clients at once
 * otherwise races on the one file they all extract it to).
 */
final class ChildSupport {

    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private static Path agentJar;
    private static Path nativeLibrary;

    private ChildSupport() {}

    static synchronized Path agentJar() {
        if (agentJar == null) {
            Path jar = ScratchFolder.get().resolve("lambdakit-parent-watch.jar");
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatch.class.getName());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                for (Class<?> c : new Class<?>[] {ParentWatch.class, Relay.class}) {
                    String entry = c.getName().replace('.', '/') + ".class";
                    try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
                        out.putNextEntry(new JarEntry(entry));
                        in.transferTo(out);
                        out.closeEntry();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the parent-watch agent", e);
            }
            agentJar = jar;
        }
        return agentJar;
    }

    /** The client's JNI library for this platform, or null where the client ships none (then it cannot run). */
    static synchronized Path nativeLibrary() {
        if (nativeLibrary == null) {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
            if (!os.contains("linux")) {
                return null;
            }
            String name = "jni/libaws-lambda-jni.linux-"
                    + (arch.contains("aarch64") || arch.contains("arm64") ? "aarch_64" : "x86_64") + ".so";
            URL url = ChildSupport.class.getClassLoader().getResource(name);
            if (url == null) {
                return null;
            }
            Path target = ScratchFolder.get().resolve("libaws-lambda-jni.so");
            try (InputStream in = url.openStream()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not extract " + name, e);
            }
            nativeLibrary = target;
        }
        return nativeLibrary;
    }

    static boolean clientPresent() {
        try {
            Class.forName(RIC_MAIN, false, ChildSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}

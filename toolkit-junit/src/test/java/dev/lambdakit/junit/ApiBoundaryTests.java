package dev.lambdakit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The API is what users can reach by intent: every public type says what it is ({@code @API}), machinery lives in
 * internal packages ({@code *.internal}, and {@code dev.lambdakit.process}, the forked runtime), and no public member
 * of a user-facing type (EXPERIMENTAL or STABLE) takes or returns a type from them.
 */
class ApiBoundaryTests {

    /** Packages that hold only machinery: public for LambdaKit's own packages and modules, never API. */
    static boolean isInternalPackage(String packageName) {
        return packageName.endsWith(".internal") || packageName.equals("dev.lambdakit.process");
    }

    @Test
    @DisplayName("INTERNAL types live in internal packages, and internal packages hold only INTERNAL types")
    void internalTypesLiveInInternalPackages() throws Exception {
        List<String> misplaced = new ArrayList<>();
        for (Class<?> type : publicTypes()) {
            API api = type.getAnnotation(API.class);
            if (type.getEnclosingClass() != null || api == null) {
                continue;
            }
            boolean internalPackage = isInternalPackage(type.getPackageName());
            if (internalPackage != (api.status() == API.Status.INTERNAL)) {
                misplaced.add(type.getName() + " is " + api.status() + " in "
                        + (internalPackage ? "an internal" : "an API") + " package");
            }
        }
        assertThat(misplaced).isEmpty();
    }

    @Test
    @DisplayName("every public type of LambdaKit is marked @API")
    void everyPublicTypeSaysWhatItIs() throws Exception {
        List<String> unmarked = new ArrayList<>();
        for (Class<?> type : publicTypes()) {
            if (type.getEnclosingClass() == null && !type.isAnnotationPresent(API.class)) {
                unmarked.add(type.getName());
            }
        }
        assertThat(unmarked).isEmpty();
    }

    @Test
    @DisplayName("no user-facing signature exposes an INTERNAL type")
    void userFacingSignaturesUseNoInternals() throws Exception {
        TreeSet<String> leaks = new TreeSet<>();
        for (Class<?> type : publicTypes()) {
            if (!userFacing(type)) {
                continue;
            }
            List<Executable> members = new ArrayList<>();
            Collections.addAll(members, type.getDeclaredMethods());
            Collections.addAll(members, type.getDeclaredConstructors());
            for (Executable member : members) {
                if (!Modifier.isPublic(member.getModifiers()) && !Modifier.isProtected(member.getModifiers())) {
                    continue;
                }
                List<Type> used = new ArrayList<>(List.of(member.getGenericParameterTypes()));
                if (member instanceof Method m) {
                    used.add(m.getGenericReturnType());
                }
                for (Type t : used) {
                    for (Class<?> c : classesIn(t)) {
                        if (isInternal(c)) {
                            leaks.add(type.getSimpleName() + "." + member.getName() + " uses " + c.getName());
                        }
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static boolean userFacing(Class<?> type) {
        API api = outermost(type).getAnnotation(API.class);
        return Modifier.isPublic(type.getModifiers()) && api != null && api.status() != API.Status.INTERNAL;
    }

    private static boolean isInternal(Class<?> type) {
        if (!type.getName().startsWith("dev.lambdakit.")) {
            return false;
        }
        API api = outermost(type).getAnnotation(API.class);
        return api == null
                || api.status() == API.Status.INTERNAL
                || !Modifier.isPublic(type.getModifiers())
                || isInternalPackage(type.getPackageName());
    }

    private static Class<?> outermost(Class<?> type) {
        Class<?> c = type;
        while (c.getEnclosingClass() != null) {
            if (c.isAnnotationPresent(API.class)) {
                return c;
            }
            c = c.getEnclosingClass();
        }
        return c;
    }

    private static List<Class<?>> classesIn(Type type) {
        List<Class<?>> found = new ArrayList<>();
        if (type instanceof Class<?> c) {
            found.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            found.addAll(classesIn(p.getRawType()));
            for (Type arg : p.getActualTypeArguments()) {
                found.addAll(classesIn(arg));
            }
        }
        return found;
    }

    /** The public classes of dev.lambdakit on the class path, from folders and jars. */
    static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        TreeSet<String> names = new TreeSet<>();
        for (URL root : Collections.list(ApiBoundaryTests.class.getClassLoader().getResources("dev/lambdakit"))) {
            if ("file".equals(root.getProtocol()) && !root.getPath().contains("/test-classes/")) {
                Path dir = Path.of(root.toURI());
                try (Stream<Path> files = Files.walk(dir)) {
                    files.map(dir.getParent().getParent()::relativize)
                            .map(Path::toString)
                            .filter(n -> n.endsWith(".class"))
                            .forEach(names::add);
                }
            } else if ("jar".equals(root.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) root.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    Collections.list(jar.entries()).stream()
                            .map(e -> e.getName())
                            .filter(n -> n.startsWith("dev/lambdakit/") && n.endsWith(".class"))
                            .forEach(names::add);
                }
            }
        }
        List<Class<?>> types = new ArrayList<>();
        for (String file : names) {
            String name = file.substring(0, file.length() - ".class".length())
                    .replace('/', '.')
                    .replace('\\', '.');
            if (name.contains("Test")
                    || name.contains(".examples.")
                    || name.contains(".embedded.")
                    || name.endsWith("package-info")) {
                continue; // tests, examples, and the embedded bridges (loaded only in their own class loader)
            }
            Class<?> type;
            try {
                type = Class.forName(name, false, ApiBoundaryTests.class.getClassLoader());
                type.getDeclaredMethods(); // resolves the signatures
            } catch (LinkageError optionalDependencyMissing) {
                continue; // an adapter for an optional library (SDK v1) this module does not have
            }
            if (Modifier.isPublic(type.getModifiers()) && !type.isSynthetic() && !type.isAnonymousClass()) {
                types.add(type);
            }
        }
        assertThat(types).hasSizeGreaterThan(50);
        return types;
    }
}

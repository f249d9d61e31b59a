package dev.lambdakit.runtime.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which of the project's classes an execution environment must define anew: those with static state, and those that
 * reach one. A class without static state behaves the same whichever loader defines it, so it is shared with the
 * test; that keeps libraries that generate code against the function's classes from their own loader (the DynamoDB
 * Enhanced Client's bean mapping, for one) working, since they and the function then see the same class.
 *
 * <p>Static state is a static initialiser or a non-final static field; an enum whose only static fields are its
 * constants counts as stateless. The class files of a classpath folder are read once per JVM.
 */
final class StaticState {

    private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([^;<>]+);");
    private static final Map<String, Boolean> RELOAD = new HashMap<>();
    private static final Map<String, ClassInfo> CLASSES = new HashMap<>();
    private static final Set<String> SCANNED_ROOTS = new HashSet<>();

    private StaticState() {}

    /** Whether class {@code name}, found in the classpath folder {@code root}, must be defined per environment. */
    static synchronized boolean needsReload(String root, String name) {
        if (SCANNED_ROOTS.add(root)) {
            scan(root);
            resolve();
        }
        return RELOAD.getOrDefault(name, true);
    }

    private record ClassInfo(boolean stateful, Set<String> references) {}

    private static void scan(String root) {
        Path dir = Path.of(URI.create(root));
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                String name = relative.substring(0, relative.length() - ".class".length())
                        .replace('/', '.');
                try (InputStream in = Files.newInputStream(file)) {
                    CLASSES.put(name, read(in));
                } catch (IOException | RuntimeException e) {
                    CLASSES.put(name, new ClassInfo(true, Set.of())); // unreadable: reload, as before
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the classes under " + dir, e);
        }
    }

    /** Marks every stateful class, then every class that reaches a marked one, until nothing changes. */
    private static void resolve() {
        Map<String, Set<String>> referencedBy = new HashMap<>();
        Deque<String> marked = new ArrayDeque<>();
        CLASSES.forEach((name, info) -> {
            RELOAD.put(name, info.stateful());
            if (info.stateful()) {
                marked.add(name);
            }
            for (String ref : info.references()) {
                referencedBy.computeIfAbsent(ref, k -> new HashSet<>()).add(name);
            }
        });
        while (!marked.isEmpty()) {
            for (String user : referencedBy.getOrDefault(marked.poll(), Set.of())) {
                if (!RELOAD.get(user)) {
                    RELOAD.put(user, true);
                    marked.add(user);
                }
            }
        }
    }

    /** Reads the parts of a class file that matter here; see the JVM specification, chapter 4. */
    static ClassInfo read(InputStream input) throws IOException {
        DataInputStream in = new DataInputStream(input);
        in.readInt(); // magic
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        Set<Integer> classNames = new HashSet<>();
        Set<Integer> descriptors = new HashSet<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7 -> classNames.add(in.readUnsignedShort());
                case 8, 19, 20 -> in.readUnsignedShort();
                case 16 -> descriptors.add(in.readUnsignedShort());
                case 9, 10, 11, 17, 18 -> in.readInt();
                case 12 -> {
                    in.readUnsignedShort();
                    descriptors.add(in.readUnsignedShort());
                }
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("Unknown constant pool tag " + tag);
            }
        }
        boolean isEnum = (in.readUnsignedShort() & 0x4000) != 0;
        in.readUnsignedShort(); // this class
        in.readUnsignedShort(); // super class: a class reference, already collected
        int interfaces = in.readUnsignedShort();
        for (int i = 0; i < interfaces; i++) {
            in.readUnsignedShort();
        }
        boolean stateful = false;
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            int access = in.readUnsignedShort();
            in.readUnsignedShort();
            descriptors.add(in.readUnsignedShort());
            boolean isStatic = (access & 0x0008) != 0;
            boolean isFinal = (access & 0x0010) != 0;
            boolean constantOrValues = (access & 0x4000) != 0 || (access & 0x1000) != 0;
            if (isStatic && (!isFinal || (isEnum && !constantOrValues))) {
                stateful = true;
            }
            skipAttributes(in);
        }
        int methods = in.readUnsignedShort();
        for (int i = 0; i < methods; i++) {
            in.readUnsignedShort();
            String name = utf8[in.readUnsignedShort()];
            descriptors.add(in.readUnsignedShort());
            if ("<clinit>".equals(name) && !isEnum) {
                stateful = true;
            }
            skipAttributes(in);
        }
        Set<String> references = new HashSet<>();
        for (int index : classNames) {
            String name = utf8[index];
            if (name != null) {
                if (name.startsWith("[")) {
                    addTypes(name, references);
                } else {
                    references.add(name.replace('/', '.'));
                }
            }
        }
        for (int index : descriptors) {
            if (utf8[index] != null) {
                addTypes(utf8[index], references);
            }
        }
        return new ClassInfo(stateful, references);
    }

    private static void addTypes(String descriptor, Set<String> into) {
        Matcher m = TYPE_IN_DESCRIPTOR.matcher(descriptor);
        while (m.find()) {
            into.add(m.group(1).replace('/', '.'));
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }
}

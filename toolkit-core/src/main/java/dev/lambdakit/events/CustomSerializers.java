package dev.lambdakit.events;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * A function's own {@code CustomPojoSerializer}, found as the runtime finds it. The interface exists from
 * aws-lambda-java-core 1.2.2 on; with an older core on the class path no function can register one, and this class
 * answers none without touching the interface (the runtime in the cloud brings its own core, so an old one in the
 * user's build must not break the simulation).
 */
final class CustomSerializers {

    private static final String INTERFACE = "com.amazonaws.services.lambda.runtime.CustomPojoSerializer";
    private static final boolean SUPPORTED = present();

    private CustomSerializers() {}

    /**
     * The registered custom serializer for {@code type}, or null when none is registered.
     *
     * @throws IllegalStateException when more than one is registered (the runtime refuses to start then too)
     */
    static PojoSerializer<Object> find(Type type, ClassLoader loader) {
        return SUPPORTED ? Lookup.find(type, loader) : null;
    }

    private static boolean present() {
        try {
            Class.forName(INTERFACE, false, CustomSerializers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Loaded only when the interface exists. */
    private static final class Lookup {
        static PojoSerializer<Object> find(Type type, ClassLoader loader) {
            Iterator<com.amazonaws.services.lambda.runtime.CustomPojoSerializer> it = ServiceLoader.load(
                            com.amazonaws.services.lambda.runtime.CustomPojoSerializer.class, loader)
                    .iterator();
            if (!it.hasNext()) {
                return null;
            }
            var first = it.next();
            if (it.hasNext()) {
                throw new IllegalStateException("More than one CustomPojoSerializer is registered under "
                        + "META-INF/services/" + INTERFACE + " ("
                        + first.getClass().getName() + ", "
                        + it.next().getClass().getName() + ", ...); the Lambda runtime accepts at most one");
            }
            return new Adapter(first, type);
        }
    }

    private record Adapter(com.amazonaws.services.lambda.runtime.CustomPojoSerializer custom, Type type)
            implements PojoSerializer<Object> {
        @Override
        public Object fromJson(InputStream input) {
            return custom.fromJson(input, type);
        }

        @Override
        public Object fromJson(String input) {
            return custom.fromJson(input, type);
        }

        @Override
        public void toJson(Object value, OutputStream output) {
            custom.toJson(value, output, type);
        }
    }
}

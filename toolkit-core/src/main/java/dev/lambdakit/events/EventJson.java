package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.lambdakit.events.internal.JsonText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * JSON exactly as the Lambda Java runtime reads and writes it, through aws-lambda-java-serialization.
 *
 * <p>The runtime interface client picks a serializer per type: a {@code CustomPojoSerializer} registered through
 * {@link ServiceLoader} if there is one; for the event classes it knows (S3, SQS, SNS, DynamoDB, Kinesis, API Gateway
 * v1, ...) the event serializers with their mixins, casing rules and date formats; for everything else its own
 * Jackson configuration. This class makes the same choice, so a test's JSON becomes the same object it would in the
 * cloud.
 *
 * <pre>{@code
 * SQSEvent event = EventJson.fromJson(json, SQSEvent.class);
 * byte[] wire = EventJson.toJson(event);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class EventJson {

    private static final Map<Type, PojoSerializer<Object>> SHARED = new ConcurrentHashMap<>();

    private EventJson() {}

    /** Serializes {@code value} as the runtime would serialize a handler's return value of its class. */
    public static byte[] toJson(Object value) {
        if (value == null) {
            return "null".getBytes(StandardCharsets.US_ASCII);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        serializer(value.getClass()).toJson(value, out);
        return out.toByteArray();
    }

    private static final DateTimeFormatter API_GATEWAY_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /**
     * The JSON a service would send for {@code event}: {@link #toJson(Object)}, except where the events library
     * writes a field in a form it cannot read back. The one case known: {@code APIGatewayV2CustomAuthorizerEvent}'s
     * {@code requestContext.time} (read in API Gateway's {@code dd/MMM/yyyy:HH:mm:ss Z}, written as ISO-8601) and
     * {@code timeEpoch} (read as milliseconds, written otherwise), which are put back in API Gateway's form.
     */
    @SuppressWarnings("unchecked")
    public static byte[] toEventJson(Object event) {
        byte[] json = toJson(event);
        if (event == null
                || !event.getClass()
                        .getName()
                        .equals("com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent")) {
            return json;
        }
        try {
            Object context = event.getClass().getMethod("getRequestContext").invoke(event);
            if (context == null) {
                return json;
            }
            Map<String, Object> tree = (Map<String, Object>) toTree(new String(json, StandardCharsets.UTF_8));
            Map<String, Object> written = (Map<String, Object>) tree.get("requestContext");
            Object time = context.getClass().getMethod("getTime").invoke(context);
            if (time != null) {
                long millis = (Long) time.getClass().getMethod("getMillis").invoke(time);
                written.put("time", API_GATEWAY_TIME.format(Instant.ofEpochMilli(millis)));
            }
            Object epoch = context.getClass().getMethod("getTimeEpoch").invoke(context);
            if (epoch instanceof Instant instant) {
                written.put("timeEpoch", instant.toEpochMilli());
            } else if (epoch != null) {
                written.put("timeEpoch", epoch.getClass().getMethod("getMillis").invoke(epoch));
            }
            return JsonText.write(tree).getBytes(StandardCharsets.UTF_8);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return json; // an events library of another shape: its own JSON, as is
        }
    }

    /** {@link #toJson(Object)} as a UTF-8 string. */
    public static String toJsonString(Object value) {
        return new String(toJson(value), StandardCharsets.UTF_8);
    }

    /** Reads {@code json} as the runtime reads a handler's input of type {@code type}. */
    @SuppressWarnings("unchecked")
    public static <T> T fromJson(String json, Class<T> type) {
        return (T) serializer(type).fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads {@code json} bytes as the runtime reads a handler's input of {@code type}. */
    public static Object fromJson(byte[] json, Type type) {
        return serializer(type).fromJson(new ByteArrayInputStream(json));
    }

    /**
     * Any response as plain JSON values (maps, lists, strings, numbers): JSON text and bytes are parsed, maps kept,
     * objects serialized the runtime's way first.
     *
     * @throws IllegalArgumentException for null
     */
    public static Object toTree(Object value) {
        if (value instanceof byte[] bytes) {
            return fromJson(new String(bytes, StandardCharsets.UTF_8), Object.class);
        }
        if (value instanceof String json) {
            return fromJson(json, Object.class);
        }
        if (value instanceof Map<?, ?>) {
            return value;
        }
        if (value == null) {
            throw new IllegalArgumentException("null has no JSON form here");
        }
        return fromJson(toJsonString(value), Object.class);
    }

    /** The serializer the runtime would use for {@code type}, found with the calling thread's class loader. */
    public static PojoSerializer<Object> serializer(Type type) {
        Objects.requireNonNull(type, "type");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = EventJson.class.getClassLoader();
        }
        ClassLoader sharedLoader = EventJson.class.getClassLoader();
        if (loader == sharedLoader || isSystemType(type)) {
            return SHARED.computeIfAbsent(type, t -> create(t, sharedLoader));
        }
        return create(type, loader);
    }

    /**
     * A new serializer for {@code type} resolved through {@code loader}, chosen the way the runtime interface client
     * chooses: a custom serializer first, then the event serializers, then the runtime's Jackson configuration.
     *
     * @throws IllegalStateException when more than one {@code CustomPojoSerializer} is registered (the runtime
     *                               refuses to start then too)
     */
    public static PojoSerializer<Object> create(Type type, ClassLoader loader) {
        PojoSerializer<Object> custom = CustomSerializers.find(type, loader);
        if (custom != null) {
            return custom;
        }
        // A type made only of the JDK's and the test's shared classes gets the same serializer through any loader that
        // delegates them: build it once per JVM (an ObjectMapper and its deserializers cost tens of microseconds per
        // environment otherwise). Types an environment defined itself get their own.
        if (isShared(type)) {
            ClassLoader sharedLoader = EventJson.class.getClassLoader();
            return SHARED_DEFAULTS.computeIfAbsent(type, t -> builtIn(t, sharedLoader));
        }
        return builtIn(type, loader);
    }

    private static final Map<Type, PojoSerializer<Object>> SHARED_DEFAULTS = new ConcurrentHashMap<>();

    /** Whether every class {@code type} names is the JDK's or defined by the loader LambdaKit itself came from. */
    private static boolean isShared(Type type) {
        if (type instanceof Class<?> cls) {
            while (cls.isArray()) {
                cls = cls.getComponentType();
            }
            return cls.getClassLoader() == null || cls.getClassLoader() == EventJson.class.getClassLoader();
        }
        if (type instanceof java.lang.reflect.ParameterizedType p) {
            if (!isShared(p.getRawType())) {
                return false;
            }
            for (Type argument : p.getActualTypeArguments()) {
                if (!isShared(argument)) {
                    return false;
                }
            }
            return true;
        }
        return false; // wildcards and type variables: built each time, as before
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static PojoSerializer<Object> builtIn(Type type, ClassLoader loader) {
        if (type instanceof Class<?> cls && LambdaEventSerializers.isLambdaSupportedEvent(cls.getName())) {
            return (PojoSerializer<Object>) (PojoSerializer) LambdaEventSerializers.serializerFor(cls, loader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    private static boolean isSystemType(Type type) {
        return type instanceof Class<?> cls
                && (cls.getClassLoader() == null || cls.getClassLoader() == EventJson.class.getClassLoader());
    }
}

package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.env.internal.Partitions;
import dev.lambdakit.events.internal.JsonText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * The base of every event builder: realistic defaults (region {@code us-east-1}, account {@code 123456789012}, ids,
 * ARNs and timestamps), repeatable output once a test fixes the {@link #clock(Clock) clock} and the
 * {@link #seed(long) id seed}, and three forms of the result, all from one JSON tree shaped as the service sends it:
 * {@link #toJson()}, {@link #toBytes()} for a {@code RequestStreamHandler}, and {@link #build()}, the
 * aws-lambda-java-events object the Java runtime would make of that JSON.
 *
 * <pre>{@code
 * SQSEvent event = SqsEvents.queue("orders").seed(1).message("hello").build();
 * String json = SqsEvents.queue("orders").message("hello").toJson();
 * }</pre>
 *
 * @param <SELF> the concrete builder, so chained calls keep their type
 * @param <E>    the event class
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class EventBuilder<SELF extends EventBuilder<SELF, E>, E> {

    private static final java.util.regex.Pattern ACCOUNT = java.util.regex.Pattern.compile("\\d{12}");
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Class<E> type;
    private String region = "us-east-1";
    private String accountId = "123456789012";
    private Clock clock = Clock.systemUTC();
    private long seed = new SecureRandom().nextLong();
    private Random random = new Random(seed);

    protected EventBuilder(Class<E> type) {
        this.type = type;
    }

    @SuppressWarnings("unchecked")
    protected final SELF self() {
        return (SELF) this;
    }

    /** The region in ARNs and {@code awsRegion} fields. */
    public SELF region(String region) {
        this.region = Objects.requireNonNull(region, "region");
        return self();
    }

    /** The 12-digit account in ARNs. */
    public SELF accountId(String accountId) {
        if (accountId == null || !ACCOUNT.matcher(accountId).matches()) {
            throw new IllegalArgumentException("accountId must be 12 digits, but was '" + accountId + "'");
        }
        this.accountId = accountId;
        return self();
    }

    /** The clock for timestamps; fix it for repeatable events. */
    public SELF clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /** Makes ids, handles and signatures repeatable. */
    public SELF seed(long seed) {
        this.seed = seed;
        return self();
    }

    /**
     * The event as the service sends it, as a JSON tree (ordered maps and lists). Ids come from the seed afresh on
     * every call, so one builder always describes one event: {@link #build()} and {@link #toJson()} agree.
     */
    public final Map<String, Object> toTree() {
        random = new Random(seed);
        return tree();
    }

    /** Lays the event out as the service does; ids and handles come from the helper methods. */
    protected abstract Map<String, Object> tree();

    /** The event as the service sends it. */
    public String toJson() {
        return JsonText.write(toTree());
    }

    /** The JSON bytes, as a {@code RequestStreamHandler} reads them. */
    public byte[] toBytes() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    /** The event object the Java runtime makes of {@link #toJson()}, through its own serializer. */
    public E build() {
        return EventJson.fromJson(toJson(), type);
    }

    /** The event class this builder makes. */
    public Class<E> eventType() {
        return type;
    }

    protected String region() {
        return region;
    }

    /** The partition of the region, the second field of every ARN: {@code aws}, {@code aws-cn}, ... */
    protected String partition() {
        return Partitions.id(region);
    }

    /** The DNS suffix of service endpoints in the region's partition: {@code amazonaws.com}, ... */
    protected String dnsSuffix() {
        return Partitions.of(region).dnsSuffix();
    }

    protected String accountId() {
        return accountId;
    }

    protected Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    protected static String isoMillis(Instant t) {
        return ISO_MILLIS.format(t);
    }

    protected static String isoSeconds(Instant t) {
        return ISO_SECONDS.format(t);
    }

    protected String uuid() {
        return new UUID(
                        (random.nextLong() & ~0xF000L) | 0x4000L,
                        (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                .toString();
    }

    protected String hex(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    protected String digits(int length) {
        StringBuilder sb = new StringBuilder(length).append(1 + random.nextInt(9));
        for (int i = 1; i < length; i++) {
            sb.append(random.nextInt(10));
        }
        return sb.toString();
    }

    protected String upperAlnum(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    protected String base64(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    protected static String base64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    protected static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    protected static String md5Hex(byte[] data) {
        return digestHex("MD5", data);
    }

    protected static String digestHex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }

    /** Gives another builder this one's region, account, clock and seed. */
    final void shareSettingsWith(EventBuilder<?, ?> other) {
        other.region = region;
        other.accountId = accountId;
        other.clock = clock;
        other.seed = seed;
    }

    /** Checks a builder argument, naming it in the message. */
    protected static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }
}

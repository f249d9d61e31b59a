package dev.lambdakit.env;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Base64;
import java.util.Objects;
import java.util.Random;
import org.apiguardian.api.API;

/**
 * STS-shaped temporary credentials, as Lambda hands its execution role's to a function, and recognisably fake.
 *
 * <p>The access key id has the real shape (20 characters, {@code ASIA} for a temporary key) and always starts with
 * {@value #ACCESS_KEY_PREFIX}; the session token always starts with {@value #SESSION_TOKEN_PREFIX} (Base64 of
 * "LambdaKitFakeToken"). Nothing real has either prefix, so a leaked value is easy to spot and harmless.
 * {@link #toString()} masks the secret and the token.
 *
 * <pre>{@code
 * TemporaryCredentials creds = TemporaryCredentials.generate(new Random(42));
 * assert creds.accessKeyId().startsWith("ASIA");
 * }</pre>
 *
 * @param accessKeyId     {@code AWS_ACCESS_KEY_ID}
 * @param secretAccessKey {@code AWS_SECRET_ACCESS_KEY}
 * @param sessionToken    {@code AWS_SESSION_TOKEN}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TemporaryCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {

    /** Every simulated access key id starts with this. */
    public static final String ACCESS_KEY_PREFIX = "ASIALAMBDAKIT";
    /** Every simulated session token starts with this. */
    public static final String SESSION_TOKEN_PREFIX = "TGFtYmRhS2l0RmFrZVRva2Vu";

    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public TemporaryCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
    }

    /** New credentials drawn from {@code random}: a fixed seed gives the same credentials every run. */
    public static TemporaryCredentials generate(Random random) {
        String keyId = ACCESS_KEY_PREFIX + draw(random, KEY_ALPHABET, 20 - ACCESS_KEY_PREFIX.length());
        String secret = draw(random, SECRET_ALPHABET, 40);
        byte[] tokenBytes = new byte[270];
        random.nextBytes(tokenBytes);
        String token = SESSION_TOKEN_PREFIX + Base64.getEncoder().encodeToString(tokenBytes);
        return new TemporaryCredentials(keyId, secret, token);
    }

    /** Whether these look like credentials LambdaKit made (rather than a developer's real ones). */
    public static boolean isSimulated(String accessKeyId) {
        return accessKeyId != null && accessKeyId.startsWith(ACCESS_KEY_PREFIX);
    }

    private static String draw(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "TemporaryCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****, sessionToken="
                + sessionToken.substring(0, Math.min(8, sessionToken.length())) + "****]";
    }
}

package dev.lambdakit.runtime.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;
import org.apiguardian.api.API;

/** Request ids, environment ids and trace ids: repeatable with a seed, random otherwise. */
@API(status = INTERNAL, since = "0.1")
public final class Ids {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final Random random;

    public Ids(Long seed) {
        this.random = seed != null ? new Random(seed) : new Random(new SecureRandom().nextLong());
    }

    public Random random() {
        return random;
    }

    public synchronized String uuid() {
        long hi = random.nextLong();
        long lo = random.nextLong();
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    public synchronized String hex(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = HEX[random.nextInt(16)];
        }
        return new String(out);
    }

    public String traceId(long epochSeconds) {
        StringBuilder sb = new StringBuilder(72).append("Root=1-");
        for (int shift = 28; shift >= 0; shift -= 4) {
            sb.append(HEX[(int) (epochSeconds >>> shift) & 0xF]);
        }
        return sb.append('-')
                .append(hex(24))
                .append(";Parent=")
                .append(hex(16))
                .append(";Sampled=0")
                .toString();
    }
}

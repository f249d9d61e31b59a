package dev.lambdakit.runtime;

import java.security.SecureRandom;
import java.util.Random;

/** Request ids, environment ids and trace ids: repeatable with a seed, random otherwise. */
final class Ids {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final Random random;

    Ids(Long seed) {
        this.random = seed != null ? new Random(seed) : new Random(new SecureRandom().nextLong());
    }

    Random random() {
        return random;
    }

    synchronized String uuid() {
        long hi = random.nextLong();
        long lo = random.nextLong();
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(hi, lo).toString();
    }

    synchronized String hex(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = HEX[random.nextInt(16)];
        }
        return new String(out);
    }

    String traceId(long epochSeconds) {
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

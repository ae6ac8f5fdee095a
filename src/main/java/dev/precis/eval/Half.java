package dev.precis.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The two halves of a dev file: A to tune on, B to confirm a change holds. A row belongs to A when the
 * SHA-256 of its id (UTF-8) starts with a hex digit 0-7, so the split is fixed, even, and blind to content.
 */
public enum Half {
    A, B;

    public static Half of(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return (digest[0] & 0xff) < 0x80 ? A : B;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** {@code A} or {@code B}, any case; anything else is refused. */
    public static Half parse(String name) {
        return switch (name.strip().toUpperCase(Locale.ROOT)) {
            case "A" -> A;
            case "B" -> B;
            default -> throw new IllegalArgumentException("--half takes A or B");
        };
    }
}

package dev.precis.ingest.cms;

import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;

import dev.precis.api.PrecisSignature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What every webhook signature check shares: HMAC-SHA256 over byte parts, comparison in constant time,
 * the timestamp window, and the three refusals (missing, wrong, stale), which never say what was expected.
 */
public final class Signatures {

    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,15}");

    private Signatures() {
    }

    /** HMAC-SHA256 with the secret as its UTF-8 bytes, which is how every sender here keys it. */
    public static byte[] hmacSha256(String secret, byte[]... parts) {
        return PrecisSignature.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), parts);
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Compares what was received with what was computed without revealing, by timing, where they differ. */
    public static boolean matches(String received, String expected) {
        return MessageDigest.isEqual(received.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** Refuses a timestamp further than the tolerance from now, in either direction (replays and skewed clocks). */
    public static void requireFresh(Instant signedAt, Instant now, Duration tolerance) {
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            throw stale();
        }
    }

    /**
     * A decimal timestamp as the sender wrote it, or a refusal when it is not one. ASCII digits only (Java
     * would parse other scripts' digits too), and at most 15 of them: milliseconds until the year 33658, and
     * never a number that overflows.
     */
    public static long timestamp(String value) {
        if (value == null || !TIMESTAMP.matcher(value).matches()) {
            throw wrong("the signature's timestamp is not a number");
        }
        return Long.parseLong(value);
    }

    public static ProblemException missing(String what) {
        return refused("The webhook is not signed: " + what + " is missing.");
    }

    public static ProblemException wrong(String why) {
        return refused("The webhook signature is wrong: " + why + ".");
    }

    public static ProblemException stale() {
        return refused("The webhook signature is stale: its timestamp is outside the allowed window.");
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(ProblemType.UNAUTHORIZED.problem(detail));
    }
}

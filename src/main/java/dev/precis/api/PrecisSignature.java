package dev.precis.api;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * precis's own signature, part of its contract (SPEC §11 and §13): {@code Precis-Signature: t=<unix
 * seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}. precis signs its callbacks with it and accepts
 * it from any CMS on the {@code generic} webhook route.
 */
public final class PrecisSignature {

    public static final String HEADER = "Precis-Signature";

    private PrecisSignature() {
    }

    /** The header value for a body sent at a time. */
    public static String sign(String secret, long unixSeconds, byte[] body) {
        String time = Long.toString(unixSeconds);
        return "t=" + time + ",v1=" + HexFormat.of().formatHex(
                hmacSha256(secret.getBytes(StandardCharsets.UTF_8), (time + ".").getBytes(StandardCharsets.US_ASCII), body));
    }

    /** HMAC-SHA256 of the parts, in order, under the key. */
    public static byte[] hmacSha256(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}

package dev.precis.ingest.cms.ghost;

import dev.precis.ingest.cms.SignatureScheme;
import dev.precis.ingest.cms.Signatures;
import dev.precis.ingest.cms.WebhookDelivery;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Ghost: {@code X-Ghost-Signature: sha256=<hex HMAC-SHA256(secret, body + ms)>, t=<ms>}. Ghost retries a
 * delivery up to five times with the same header, so the window must allow minutes, not seconds.
 */
public final class GhostSignature implements SignatureScheme {

    static final String HEADER = "x-ghost-signature";

    @Override
    public void verify(WebhookDelivery delivery, String secret, Instant now, Duration tolerance) {
        String header = delivery.header(HEADER);
        if (header == null || header.isBlank()) {
            throw Signatures.missing("the X-Ghost-Signature header");
        }
        String mac = null;
        String time = null;
        for (String part : header.split(",")) {
            String item = part.strip();
            if (item.startsWith("sha256=")) {
                mac = item.substring("sha256=".length());
            } else if (item.startsWith("t=")) {
                time = item.substring(2);
            }
        }
        if (mac == null || time == null) {
            throw Signatures.wrong("X-Ghost-Signature needs both sha256= and t=");
        }
        long millis = Signatures.timestamp(time);
        String expected = HexFormat.of().formatHex(Signatures.hmacSha256(secret, delivery.body(), Signatures.ascii(time)));
        if (!Signatures.matches(mac.toLowerCase(java.util.Locale.ROOT), expected)) {
            throw Signatures.wrong("it does not match the body");
        }
        Signatures.requireFresh(Instant.ofEpochMilli(millis), now, tolerance);
    }
}

package dev.precis.ingest.cms.generic;

import dev.precis.api.PrecisSignature;
import dev.precis.ingest.cms.SignatureScheme;
import dev.precis.ingest.cms.Signatures;
import dev.precis.ingest.cms.WebhookDelivery;

import java.time.Duration;
import java.time.Instant;

/**
 * Checks precis's own scheme ({@link PrecisSignature}), for any sender that can compute an HMAC.
 */
public final class PrecisSignatureScheme implements SignatureScheme {

    @Override
    public void verify(WebhookDelivery delivery, String secret, Instant now, Duration tolerance) {
        String header = delivery.header(PrecisSignature.HEADER);
        if (header == null || header.isBlank()) {
            throw Signatures.missing("the Precis-Signature header");
        }
        String time = null;
        String mac = null;
        for (String part : header.split(",")) {
            String item = part.strip();
            if (item.startsWith("t=")) {
                time = item.substring(2);
            } else if (item.startsWith("v1=") && mac == null) {
                mac = item.substring(3);
            }
        }
        if (time == null || mac == null) {
            throw Signatures.wrong("Precis-Signature needs both t= and v1=");
        }
        long seconds = Signatures.timestamp(time);
        String expected = PrecisSignature.sign(secret, seconds, delivery.body());
        if (!Signatures.matches("t=" + time + ",v1=" + mac.toLowerCase(java.util.Locale.ROOT), expected)) {
            throw Signatures.wrong("it does not match the body");
        }
        Signatures.requireFresh(Instant.ofEpochSecond(seconds), now, tolerance);
    }
}

package dev.precis.ingest.cms.sanity;

import dev.precis.ingest.cms.SignatureScheme;
import dev.precis.ingest.cms.Signatures;
import dev.precis.ingest.cms.WebhookDelivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sanity: {@code sanity-webhook-signature: t=<ms>,v1=<base64url, unpadded, of HMAC-SHA256(secret, t + "." + body)>}.
 */
public final class SanitySignature implements SignatureScheme {

    private static final Pattern HEADER = Pattern.compile("^t=(\\d+)[, ]+v1=([^, ]+)$");

    @Override
    public void verify(WebhookDelivery delivery, String secret, Instant now, Duration tolerance) {
        String header = delivery.header("sanity-webhook-signature");
        if (header == null || header.isBlank()) {
            throw Signatures.missing("the sanity-webhook-signature header");
        }
        Matcher matcher = HEADER.matcher(header.strip());
        if (!matcher.matches()) {
            throw Signatures.wrong("sanity-webhook-signature is not t=…,v1=…");
        }
        String time = matcher.group(1);
        long millis = Signatures.timestamp(time);
        byte[] mac = Signatures.hmacSha256(secret, Signatures.ascii(time + "."), delivery.body());
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
        if (!Signatures.matches(matcher.group(2), expected)) {
            throw Signatures.wrong("it does not match the body");
        }
        Signatures.requireFresh(Instant.ofEpochMilli(millis), now, tolerance);
    }
}

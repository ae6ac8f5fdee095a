package dev.precis.ingest.cms.strapi;

import dev.precis.ingest.cms.SignatureScheme;
import dev.precis.ingest.cms.Signatures;
import dev.precis.ingest.cms.WebhookDelivery;

import java.time.Duration;
import java.time.Instant;

/**
 * Strapi signs nothing; its documented protection is a static header configured on the webhook,
 * {@code Authorization: Bearer <token>}, compared here in constant time. There is no body integrity and no
 * timestamp, so this is only as strong as the token's secrecy and TLS.
 */
public final class StrapiToken implements SignatureScheme {

    @Override
    public void verify(WebhookDelivery delivery, String token, Instant now, Duration tolerance) {
        String header = delivery.header("authorization");
        if (header == null || header.isBlank()) {
            throw Signatures.missing("the Authorization header");
        }
        if (!Signatures.matches(header.strip(), "Bearer " + token)) {
            throw Signatures.wrong("the token does not match");
        }
    }
}

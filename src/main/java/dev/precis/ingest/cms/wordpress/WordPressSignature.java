package dev.precis.ingest.cms.wordpress;

import dev.precis.ingest.cms.SignatureScheme;
import dev.precis.ingest.cms.Signatures;
import dev.precis.ingest.cms.WebhookDelivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * WP Webhooks (and WooCommerce, which signs the same way): {@code X-WP-Webhook-Signature} (or
 * {@code X-WC-Webhook-Signature}) is base64 of HMAC-SHA256(secret, body). The sender signs no timestamp, so
 * there is no window to check: a captured delivery stays valid, which is why write-backs read the item's
 * current state before writing anything.
 */
public final class WordPressSignature implements SignatureScheme {

    @Override
    public void verify(WebhookDelivery delivery, String secret, Instant now, Duration tolerance) {
        String header = delivery.header("x-wp-webhook-signature");
        if (header == null) {
            header = delivery.header("x-wc-webhook-signature");
        }
        if (header == null || header.isBlank()) {
            throw Signatures.missing("the X-WP-Webhook-Signature header");
        }
        String expected = Base64.getEncoder().encodeToString(Signatures.hmacSha256(secret, delivery.body()));
        if (!Signatures.matches(header.strip(), expected)) {
            throw Signatures.wrong("it does not match the body");
        }
    }
}

package dev.precis.ingest.cms;

import java.time.Duration;
import java.time.Instant;

/** How one sender authenticates its webhooks (../shared/cms/SIGNATURES.md describes each). */
public interface SignatureScheme {

    /**
     * Checks the delivery over its raw bytes.
     *
     * @throws dev.precis.api.ProblemException 401 {@code unauthorized}: signature missing, wrong or stale
     */
    void verify(WebhookDelivery delivery, String secret, Instant now, Duration tolerance);
}

package dev.precis.ingest.cms.sanity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.ingest.cms.CmsProfile;
import dev.precis.ingest.cms.FieldMap;
import dev.precis.ingest.cms.SignatureScheme;
import dev.precis.ingest.cms.WebhookDelivery;
import dev.precis.ingest.cms.WebhookEvent;

/**
 * Sanity document webhooks (the whole document, or a projection): a document whose id starts with
 * {@code drafts.} is a draft, and {@code sanity-operation: delete} a delete; both are acknowledged.
 */
public final class SanityProfile implements CmsProfile {

    @Override
    public String name() {
        return "sanity";
    }

    @Override
    public SignatureScheme signature() {
        return new SanitySignature();
    }

    @Override
    public FieldMap defaults(String locale) {
        return FieldMap.of(
                "id", "/_id",
                "title", "/title",
                "body", "/body",
                "slug", "/slug/current",
                "publishedAt", "/publishedAt",
                "language", "/language");
    }

    @Override
    public WebhookEvent event(WebhookDelivery delivery, JsonNode payload, FieldMap fields) {
        if ("delete".equalsIgnoreCase(delivery.header("sanity-operation"))) {
            return WebhookEvent.ignore("the document was deleted");
        }
        String id = fields.text(payload, "id");
        if (id != null && id.startsWith("drafts.")) {
            return WebhookEvent.ignore("the document is a draft");
        }
        return WebhookEvent.analyzeIt();
    }
}

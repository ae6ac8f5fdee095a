package dev.precis.ingest.cms.generic;

import dev.precis.net.Printable;
import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.ingest.cms.CmsProfile;
import dev.precis.ingest.cms.FieldMap;
import dev.precis.ingest.cms.SignatureScheme;
import dev.precis.ingest.cms.WebhookDelivery;
import dev.precis.ingest.cms.WebhookEvent;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Any sender that signs with {@code Precis-Signature}: it has no defaults, so its mapping must name at
 * least the body or the URL. When it names a {@code status}, the usual words for an unpublished item
 * are acknowledged instead of analyzed.
 */
public final class GenericProfile implements CmsProfile {

    private static final Set<String> NOT_PUBLISHED = Set.of("draft", "unpublished", "deleted", "trash", "trashed",
            "private", "pending", "scheduled", "archived", "false");

    @Override
    public String name() {
        return "generic";
    }

    @Override
    public SignatureScheme signature() {
        return new PrecisSignatureScheme();
    }

    @Override
    public FieldMap defaults(String locale) {
        return new FieldMap(Map.of());
    }

    @Override
    public WebhookEvent event(WebhookDelivery delivery, JsonNode payload, FieldMap fields) {
        String status = fields.text(payload, "status");
        if (status != null && NOT_PUBLISHED.contains(status.strip().toLowerCase(Locale.ROOT))) {
            return WebhookEvent.ignore("the item is " + Printable.of(status.strip().toLowerCase(Locale.ROOT), 40));
        }
        return WebhookEvent.analyzeIt();
    }
}

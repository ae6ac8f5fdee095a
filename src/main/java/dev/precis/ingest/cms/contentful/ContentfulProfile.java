package dev.precis.ingest.cms.contentful;

import dev.precis.net.Printable;
import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.ingest.cms.CmsProfile;
import dev.precis.ingest.cms.FieldMap;
import dev.precis.ingest.cms.SignatureScheme;
import dev.precis.ingest.cms.WebhookDelivery;
import dev.precis.ingest.cms.WebhookEvent;

import java.util.List;

/**
 * Contentful entries: the event is in {@code X-Contentful-Topic}; {@code ContentManagement.Entry.publish}
 * is analyzed, every other topic (saves, unpublish, archive, delete, assets) acknowledged. Fields are
 * localized, so the default pointers name the configured locale.
 */
public final class ContentfulProfile implements CmsProfile {

    @Override
    public String name() {
        return "contentful";
    }

    @Override
    public SignatureScheme signature() {
        return new ContentfulSignature();
    }

    @Override
    public FieldMap defaults(String locale) {
        String at = "/" + locale.replace("~", "~0").replace("/", "~1");
        return FieldMap.of(
                "id", "/sys/id",
                "title", "/fields/title" + at,
                "body", "/fields/body" + at,
                "url", "/fields/canonicalUrl" + at,
                "slug", "/fields/slug" + at,
                "publishedAt", List.of("/fields/publishDate" + at, "/sys/updatedAt"));
    }

    @Override
    public WebhookEvent event(WebhookDelivery delivery, JsonNode payload, FieldMap fields) {
        String topic = delivery.header("x-contentful-topic");
        if (topic == null) {
            return WebhookEvent.ignore("the delivery names no topic");
        }
        if (!topic.strip().endsWith("Entry.publish")) {
            return WebhookEvent.ignore("topic " + Printable.of(topic, 80) + " does not publish an entry");
        }
        return WebhookEvent.analyzeIt();
    }
}

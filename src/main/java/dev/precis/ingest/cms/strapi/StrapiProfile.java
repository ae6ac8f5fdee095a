package dev.precis.ingest.cms.strapi;

import dev.precis.net.Printable;
import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.ingest.cms.CmsArticle;
import dev.precis.ingest.cms.CmsProfile;
import dev.precis.ingest.cms.FieldMap;
import dev.precis.ingest.cms.SignatureScheme;
import dev.precis.ingest.cms.WebhookDelivery;
import dev.precis.ingest.cms.WebhookEvent;

import java.util.List;

/**
 * Strapi 4 and 5 entries. {@code entry.publish} is analyzed, and so are {@code entry.create} and
 * {@code entry.update} of an entry that carries {@code publishedAt} (a model without draft and publish);
 * drafts, unpublish, delete, media events and the admin's test ping are acknowledged. Strapi 5 gives the
 * stable {@code documentId}; a Strapi 4 entry is known by its model and number.
 */
public final class StrapiProfile implements CmsProfile {

    @Override
    public String name() {
        return "strapi";
    }

    @Override
    public SignatureScheme signature() {
        return new StrapiToken();
    }

    @Override
    public FieldMap defaults(String locale) {
        return FieldMap.of(
                "id", List.of("/entry/documentId", "/entry/id"),
                "title", "/entry/title",
                "body", List.of("/entry/content", "/entry/body"),
                "slug", "/entry/slug",
                "publishedAt", "/entry/publishedAt",
                "language", "/entry/locale");
    }

    @Override
    public WebhookEvent event(WebhookDelivery delivery, JsonNode payload, FieldMap fields) {
        String event = delivery.header("x-strapi-event");
        if (event == null) {
            event = payload.path("event").asText("");
        }
        if (event.equals("trigger-test")) {
            return WebhookEvent.ignore("a test delivery");
        }
        if (!event.startsWith("entry.")) {
            return WebhookEvent.ignore("event " + Printable.of(event, 40) + " is not about an entry");
        }
        if (event.equals("entry.publish")) {
            return WebhookEvent.analyzeIt();
        }
        if ((event.equals("entry.update") || event.equals("entry.create")) && fields.text(payload, "publishedAt") != null) {
            return WebhookEvent.analyzeIt();
        }
        return WebhookEvent.ignore(event.equals("entry.update") || event.equals("entry.create")
                ? "the entry is a draft" : "event " + Printable.of(event, 40) + " does not publish an entry");
    }

    /** The collection's REST name: configured, or the model's name made plural as Strapi does by default. */
    @Override
    public String collection(String configured, JsonNode payload) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String model = payload.path("model").asText("");
        return model.isEmpty() ? "articles" : model + "s";
    }

    @Override
    public CmsArticle complete(CmsArticle article, JsonNode payload) {
        JsonNode entry = payload.path("entry");
        if (entry.has("documentId") || !entry.has("id") || !payload.hasNonNull("uid")) {
            return article;
        }
        return new CmsArticle(article.cms(), payload.get("uid").asText() + ":" + entry.get("id").asText(), article.title(),
                article.body(), article.url(), article.publishedAt(), article.language());
    }
}

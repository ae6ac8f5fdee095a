package dev.precis.ingest.cms.ghost;

import dev.precis.net.Printable;
import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.ingest.cms.CmsProfile;
import dev.precis.ingest.cms.FieldMap;
import dev.precis.ingest.cms.SignatureScheme;
import dev.precis.ingest.cms.WebhookDelivery;
import dev.precis.ingest.cms.WebhookEvent;

import java.util.List;

/**
 * Ghost posts and pages: {@code {post: {current, previous}}} (or {@code page}). The payload names no event,
 * so the item's state decides: published is analyzed; a draft, a scheduled item or an empty
 * {@code current} (a delete) is acknowledged.
 */
public final class GhostProfile implements CmsProfile {

    @Override
    public String name() {
        return "ghost";
    }

    @Override
    public SignatureScheme signature() {
        return new GhostSignature();
    }

    @Override
    public FieldMap defaults(String locale) {
        return FieldMap.of(
                "id", both("id"),
                "title", both("title"),
                "body", both("html"),
                "url", List.of("/post/current/canonical_url", "/post/current/url", "/page/current/canonical_url", "/page/current/url"),
                "publishedAt", both("published_at"),
                "status", both("status"));
    }

    private static List<String> both(String field) {
        return List.of("/post/current/" + field, "/page/current/" + field);
    }

    @Override
    public WebhookEvent event(WebhookDelivery delivery, JsonNode payload, FieldMap fields) {
        JsonNode current = payload.has("page") ? payload.path("page").path("current") : payload.path("post").path("current");
        if (!current.isObject() || current.isEmpty()) {
            return WebhookEvent.ignore("the item was deleted");
        }
        String status = fields.text(payload, "status");
        if (!"published".equals(status)) {
            return WebhookEvent.ignore("the item is " + (status == null ? "not published" : Printable.of(status, 40)) + ", not published");
        }
        return WebhookEvent.analyzeIt();
    }

    /** Ghost's Admin API keeps pages apart from posts: a page is written back at {@code /pages/}. */
    @Override
    public String collection(String configured, JsonNode payload) {
        return payload.has("page") ? "pages" : "posts";
    }
}

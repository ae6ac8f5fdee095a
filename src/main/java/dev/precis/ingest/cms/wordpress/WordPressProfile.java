package dev.precis.ingest.cms.wordpress;

import dev.precis.net.Printable;
import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.ingest.Timestamps;
import dev.precis.ingest.cms.CmsProfile;
import dev.precis.ingest.cms.FieldMap;
import dev.precis.ingest.cms.SignatureScheme;
import dev.precis.ingest.cms.WebhookDelivery;
import dev.precis.ingest.cms.WebhookEvent;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * WordPress through the WP Webhooks plugin ({@code post_create}, {@code post_update}, …; the trigger is in
 * {@code X-WP-Webhook-Name}). A post whose status is {@code publish} is analyzed; drafts, trashed and deleted
 * posts, and the post types that are not articles, are acknowledged.
 */
public final class WordPressProfile implements CmsProfile {

    /** Post types WordPress uses for things other than articles. */
    private static final Set<String> NOT_ARTICLES = Set.of("attachment", "revision", "nav_menu_item", "wp_block",
            "wp_template", "wp_template_part", "wp_navigation", "custom_css", "customize_changeset", "oembed_cache");

    @Override
    public String name() {
        return "wordpress";
    }

    @Override
    public SignatureScheme signature() {
        return new WordPressSignature();
    }

    @Override
    public FieldMap defaults(String locale) {
        return FieldMap.of(
                "id", List.of("/post_id", "/post/ID"),
                "title", "/post/post_title",
                "body", "/post/post_content",
                "url", "/post_permalink",
                "publishedAt", "/post/post_date_gmt",
                "status", "/post/post_status");
    }

    @Override
    public WebhookEvent event(WebhookDelivery delivery, JsonNode payload, FieldMap fields) {
        String trigger = delivery.header("x-wp-webhook-name");
        String name = trigger == null ? "" : trigger.toLowerCase(Locale.ROOT);
        if (name.contains("delete") || name.contains("trash")) {
            return WebhookEvent.ignore("the post was deleted");
        }
        String type = payload.path("post").path("post_type").asText("post");
        if (NOT_ARTICLES.contains(type)) {
            return WebhookEvent.ignore("a " + Printable.of(type, 40) + " is not an article");
        }
        String status = fields.text(payload, "status");
        if (!"publish".equals(status)) {
            return WebhookEvent.ignore("the post is " + (status == null ? "not published" : Printable.of(status, 40)) + ", not published");
        }
        return WebhookEvent.analyzeIt();
    }

    /** WordPress writes {@code post_date_gmt} as {@code yyyy-MM-dd HH:mm:ss} in UTC, all zeros on drafts. */
    @Override
    public String publishedAt(String value) {
        return Timestamps.utcLocal(value);
    }

    /**
     * The REST route of the item's post type: {@code posts}, {@code pages}, or a custom type's own name (its
     * default REST base), where write-back must address it.
     */
    @Override
    public String collection(String configured, JsonNode payload) {
        if (configured != null) {
            return configured;
        }
        String type = payload.path("post").path("post_type").asText("post");
        return switch (type) {
            case "post" -> "posts";
            case "page" -> "pages";
            default -> type.matches("[a-z0-9_-]{1,40}") ? type : "posts";
        };
    }
}

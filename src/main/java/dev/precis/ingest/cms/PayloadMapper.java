package dev.precis.ingest.cms;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the article out of a payload with a field map: the id as text, the body as the CMS stores it, and
 * the URL from the site's address and the slug when the payload has no URL of its own.
 */
public final class PayloadMapper {

    private PayloadMapper() {
    }

    public static CmsArticle map(CmsProfile profile, FieldMap fields, JsonNode payload, String siteUrl) {
        String url = fields.text(payload, "url");
        String slug = fields.text(payload, "slug");
        if (url == null && slug != null && siteUrl != null && !siteUrl.isBlank()) {
            url = siteUrl.replaceAll("/+$", "") + "/" + slug.replaceAll("^/+", "");
        }
        return profile.complete(new CmsArticle(profile.name(), fields.text(payload, "id"), fields.text(payload, "title"),
                fields.find(payload, "body"), url, profile.publishedAt(fields.text(payload, "publishedAt")),
                fields.text(payload, "language")), payload);
    }
}

package dev.precis.ingest.cms.contentful;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.ingest.Timestamps;
import dev.precis.net.ApiCalls;
import dev.precis.ingest.cms.CmsArticle;
import dev.precis.ingest.cms.CmsReader;
import dev.precis.net.JsonHttp;

/**
 * Contentful's Content Delivery API ({@code GET /spaces/<space>/environments/<env>/entries/<id>?locale=…}):
 * with one locale asked for, fields come without locale keys.
 */
public final class ContentfulReader implements CmsReader {

    private final JsonHttp http;
    private final String baseUrl;
    private final String space;
    private final String environment;
    private final String deliveryToken;
    private final String locale;
    private final String siteUrl;

    public ContentfulReader(JsonHttp http, String baseUrl, String space, String environment, String deliveryToken,
                            String locale, String siteUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.space = space;
        this.environment = environment;
        this.deliveryToken = deliveryToken;
        this.locale = locale;
        this.siteUrl = siteUrl;
    }

    @Override
    public CmsArticle read(CmsArticle thin, JsonNode payload) {
        JsonNode entry = ApiCalls.require(http.get(ApiCalls.at(baseUrl, "/spaces/" + ApiCalls.encode(space) + "/environments/"
                + ApiCalls.encode(environment) + "/entries/" + ApiCalls.encode(thin.id()) + "?locale=" + ApiCalls.encode(locale)),
                ApiCalls.bearer(deliveryToken)), "Contentful Delivery API");
        JsonNode fields = entry.path("fields");
        String url = fields.path("canonicalUrl").asText(null);
        if (url == null && fields.hasNonNull("slug") && siteUrl != null) {
            url = siteUrl.replaceAll("/+$", "") + "/" + fields.get("slug").asText();
        }
        String published = fields.path("publishDate").asText(entry.path("sys").path("updatedAt").asText(null));
        return new CmsArticle(thin.cms(), thin.id(), fields.path("title").asText(null), fields.path("body"), url,
                Timestamps.rfc3339(published), null);
    }
}

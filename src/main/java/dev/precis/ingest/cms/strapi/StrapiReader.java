package dev.precis.ingest.cms.strapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.ingest.Timestamps;
import dev.precis.net.ApiCalls;
import dev.precis.ingest.cms.CmsArticle;
import dev.precis.ingest.cms.CmsReader;
import dev.precis.net.JsonHttp;

/**
 * Strapi's REST API ({@code GET /api/<collection>/<id>}, with the API token). The collection is configured,
 * or the delivery's model name made plural as Strapi does by default.
 */
public final class StrapiReader implements CmsReader {

    private final JsonHttp http;
    private final String baseUrl;
    private final String token;
    private final String collection;
    private final String siteUrl;

    public StrapiReader(JsonHttp http, String baseUrl, String token, String collection, String siteUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
        this.collection = collection;
        this.siteUrl = siteUrl;
    }

    @Override
    public CmsArticle read(CmsArticle thin, JsonNode payload) {
        String id = thin.id().contains(":") ? thin.id().substring(thin.id().lastIndexOf(':') + 1) : thin.id();
        JsonNode answer = ApiCalls.require(http.get(ApiCalls.at(baseUrl, "/api/" + ApiCalls.encode(new StrapiProfile().collection(collection, payload))
                + "/" + ApiCalls.encode(id) + "?populate=*"), ApiCalls.bearer(token)), "Strapi REST API");
        JsonNode data = answer.path("data");
        JsonNode entry = data.has("attributes") ? data.path("attributes") : data;
        JsonNode body = entry.has("content") ? entry.path("content") : entry.path("body");
        String url = entry.hasNonNull("slug") && siteUrl != null ? siteUrl.replaceAll("/+$", "") + "/" + entry.get("slug").asText() : null;
        return new CmsArticle(thin.cms(), thin.id(), entry.path("title").asText(null), body, url,
                Timestamps.rfc3339(entry.path("publishedAt").asText(null)), entry.path("locale").asText(null));
    }
}

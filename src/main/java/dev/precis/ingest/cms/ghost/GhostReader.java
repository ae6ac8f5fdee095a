package dev.precis.ingest.cms.ghost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.net.ApiCalls;
import dev.precis.ingest.cms.CmsArticle;
import dev.precis.ingest.cms.CmsReader;
import dev.precis.ingest.Timestamps;
import dev.precis.net.JsonHttp;

import java.util.Map;

/** Ghost's Content API ({@code GET /ghost/api/content/posts/<id>/?key=…&formats=html}), which serves published posts. */
public final class GhostReader implements CmsReader {

    private final JsonHttp http;
    private final String baseUrl;
    private final String contentKey;

    public GhostReader(JsonHttp http, String baseUrl, String contentKey) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.contentKey = contentKey;
    }

    @Override
    public CmsArticle read(CmsArticle thin, JsonNode payload) {
        JsonNode answer = ApiCalls.require(http.get(ApiCalls.at(baseUrl, "/ghost/api/content/posts/"
                + ApiCalls.encode(thin.id()) + "/?formats=html&key=" + ApiCalls.encode(contentKey)), Map.of()), "Ghost Content API");
        JsonNode post = answer.path("posts").path(0);
        String canonical = post.path("canonical_url").asText(null);
        return new CmsArticle(thin.cms(), post.path("id").asText(thin.id()), post.path("title").asText(null),
                post.path("html"), canonical != null ? canonical : post.path("url").asText(null),
                Timestamps.rfc3339(post.path("published_at").asText(null)), null);
    }
}

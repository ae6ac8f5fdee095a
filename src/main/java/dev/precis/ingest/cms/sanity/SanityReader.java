package dev.precis.ingest.cms.sanity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.Json;
import dev.precis.ingest.Timestamps;
import dev.precis.net.ApiCalls;
import dev.precis.ingest.cms.CmsArticle;
import dev.precis.ingest.cms.CmsReader;
import dev.precis.net.JsonHttp;

/**
 * Sanity's query API: {@code GET /v2021-06-07/data/query/<dataset>?query=*[_id == $id][0]&$id="<id>"},
 * the id passed as a query parameter rather than spliced into the query.
 */
public final class SanityReader implements CmsReader {

    static final String API_VERSION = "v2021-06-07";

    private final JsonHttp http;
    private final String baseUrl;
    private final String dataset;
    private final String token;
    private final String siteUrl;

    public SanityReader(JsonHttp http, String baseUrl, String dataset, String token, String siteUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.dataset = dataset;
        this.token = token;
        this.siteUrl = siteUrl;
    }

    @Override
    public CmsArticle read(CmsArticle thin, JsonNode payload) {
        String query = "?query=" + ApiCalls.encode("*[_id == $id][0]") + "&" + ApiCalls.encode("$id") + "="
                + ApiCalls.encode(Json.write(thin.id()));
        JsonNode answer = ApiCalls.require(http.get(ApiCalls.at(baseUrl, "/" + API_VERSION + "/data/query/"
                + ApiCalls.encode(dataset) + query), token == null ? java.util.Map.of() : ApiCalls.bearer(token)), "Sanity query API");
        JsonNode document = answer.path("result");
        String slug = document.path("slug").path("current").asText(null);
        String url = slug != null && siteUrl != null ? siteUrl.replaceAll("/+$", "") + "/" + slug : null;
        return new CmsArticle(thin.cms(), thin.id(), document.path("title").asText(null), document.path("body"), url,
                Timestamps.rfc3339(document.path("publishedAt").asText(null)), document.path("language").asText(null));
    }
}

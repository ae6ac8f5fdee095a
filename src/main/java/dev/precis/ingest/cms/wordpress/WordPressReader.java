package dev.precis.ingest.cms.wordpress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.ingest.Timestamps;
import dev.precis.net.ApiCalls;
import dev.precis.ingest.cms.CmsArticle;
import dev.precis.ingest.cms.CmsReader;
import dev.precis.net.JsonHttp;
import org.jsoup.parser.Parser;

import java.util.Map;

/**
 * The WordPress REST API ({@code GET /wp-json/wp/v2/posts/<id>}), with an application password when one is
 * configured (then drafts and private posts can be read too).
 */
public final class WordPressReader implements CmsReader {

    private final JsonHttp http;
    private final String baseUrl;
    private final Map<String, String> auth;

    public WordPressReader(JsonHttp http, String baseUrl, String username, String appPassword) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.auth = username == null || appPassword == null ? Map.of() : ApiCalls.basic(username, appPassword);
    }

    @Override
    public CmsArticle read(CmsArticle thin, JsonNode payload) {
        JsonNode post = ApiCalls.require(http.get(ApiCalls.at(baseUrl, "/wp-json/wp/v2/posts/" + ApiCalls.encode(thin.id())
                + "?context=view"), auth), "WordPress REST API");
        return fromRest(thin.cms(), post);
    }

    /** A post as the REST API gives it; titles come HTML-escaped ({@code &#8217;}). */
    static CmsArticle fromRest(String cms, JsonNode post) {
        String title = post.path("title").path("rendered").asText(null);
        return new CmsArticle(cms, post.path("id").asText(null), title == null ? null : Parser.unescapeEntities(title, false),
                post.path("content").path("rendered"), post.path("link").asText(null),
                Timestamps.rfc3339(post.path("date_gmt").isTextual() ? post.path("date_gmt").asText() + "Z" : null), null);
    }
}

package dev.precis.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.Json;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import dev.precis.ingest.Timestamps;
import dev.precis.ingest.fetch.PageFetcher;
import org.jsoup.parser.Parser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A WordPress site's REST posts changed within the window ({@code modified_after}, {@code modified_before}),
 * 100 to a page, page after page up to {@value #MAX_PAGES}; each post's rendered content is its full text.
 */
public final class WordPressPostsReader implements FeedReader {

    static final Set<String> TYPES = Set.of("application/json");
    private static final int MAX_PAGES = 20;
    private static final DateTimeFormatter WP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final PageFetcher fetcher;

    public WordPressPostsReader(PageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public List<FeedItem> read(FeedSource source, Window window) {
        List<FeedItem> items = new ArrayList<>();
        String base = source.url().replaceAll("/+$", "") + "/wp-json/wp/v2/posts?per_page=100&orderby=modified&order=asc"
                + "&_fields=id,link,title,content,date_gmt,modified_gmt"
                + "&modified_after=" + encode(WP_TIME.format(window.from()) + "Z")
                + "&modified_before=" + encode(WP_TIME.format(window.to()) + "Z");
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode posts = json(fetcher.fetch(base + "&page=" + page, TYPES).text());
            if (!posts.isArray() || posts.isEmpty()) {
                break;
            }
            for (JsonNode post : posts) {
                String title = post.path("title").path("rendered").asText(null);
                items.add(new FeedItem(post.path("id").asText(), post.path("link").asText(null),
                        title == null ? null : Parser.unescapeEntities(title, false),
                        post.path("content").path("rendered").asText(null),
                        gmt(post.path("date_gmt").asText(null)), gmt(post.path("modified_gmt").asText(null))));
            }
            if (posts.size() < 100) {
                break;
            }
        }
        return items;
    }

    private static Instant gmt(String value) {
        return value == null ? null : Timestamps.instant(value + "Z");
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProblemException(ProblemType.FETCH_FAILED.problem("The source did not answer with JSON."));
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

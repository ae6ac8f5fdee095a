package dev.precis.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.ingest.Timestamps;
import dev.precis.ingest.fetch.PageFetcher;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A Ghost site's posts updated within the window, through the Content API
 * ({@code filter=updated_at:>='…'+updated_at:<'…'}), 100 to a page, following {@code meta.pagination.next}
 * up to {@value #MAX_PAGES} pages.
 */
public final class GhostPostsReader implements FeedReader {

    private static final int MAX_PAGES = 20;
    private static final DateTimeFormatter GHOST_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final PageFetcher fetcher;

    public GhostPostsReader(PageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public List<FeedItem> read(FeedSource source, Window window) {
        String filter = "updated_at:>='" + GHOST_TIME.format(window.from()) + "'+updated_at:<'" + GHOST_TIME.format(window.to()) + "'";
        String base = source.url().replaceAll("/+$", "") + "/ghost/api/content/posts/?limit=100&formats=html&order="
                + WordPressPostsReader.encode("updated_at asc") + "&key=" + WordPressPostsReader.encode(source.key())
                + "&filter=" + WordPressPostsReader.encode(filter);
        List<FeedItem> items = new ArrayList<>();
        int page = 1;
        for (int fetched = 0; fetched < MAX_PAGES && page > 0; fetched++) {
            JsonNode answer = WordPressPostsReader.json(fetcher.fetch(base + "&page=" + page, WordPressPostsReader.TYPES).text());
            for (JsonNode post : answer.path("posts")) {
                String canonical = post.path("canonical_url").asText(null);
                items.add(new FeedItem(post.path("id").asText(), canonical != null ? canonical : post.path("url").asText(null),
                        post.path("title").asText(null), post.path("html").asText(null),
                        Timestamps.instant(post.path("published_at").asText(null)),
                        Timestamps.instant(post.path("updated_at").asText(null))));
            }
            page = answer.path("meta").path("pagination").path("next").asInt(0);
        }
        return items;
    }
}

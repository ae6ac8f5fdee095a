package dev.precis.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.Json;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import dev.precis.ingest.Timestamps;
import dev.precis.ingest.fetch.FetchedPage;
import dev.precis.ingest.fetch.PageFetcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** JSON Feed 1.x ({@code items[]} with {@code url}, {@code content_html}, {@code date_published}, {@code date_modified}). */
public final class JsonFeedReader implements FeedReader {

    static final Set<String> TYPES = Set.of("application/feed+json", "application/json", "text/plain");

    private final PageFetcher fetcher;

    public JsonFeedReader(PageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public List<FeedItem> read(FeedSource source, Window window) {
        FetchedPage page = fetcher.fetch(source.url(), TYPES);
        JsonNode feed;
        try {
            feed = Json.MAPPER.readTree(page.text());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProblemException(ProblemType.FETCH_FAILED.problem("The feed is not valid JSON."));
        }
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode item : feed.path("items")) {
            String link = item.path("url").asText(item.path("external_url").asText(""));
            if (link.isBlank()) {
                continue;
            }
            String url = page.url().resolve(link.strip()).toString();
            String html = item.path("content_html").asText(null);
            String text = item.path("content_text").asText(null);
            items.add(new FeedItem(item.path("id").asText(url), url, item.path("title").asText(null), html != null ? html : text,
                    Timestamps.instant(item.path("date_published").asText(null)),
                    Timestamps.instant(item.path("date_modified").asText(null))));
        }
        return items;
    }
}

package dev.precis.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;
import java.util.TreeSet;

/**
 * A place a sweep looks for new articles (SPEC §12).
 *
 * @param kind {@code rss}, {@code atom}, {@code jsonfeed}, {@code sitemap}, {@code wordpress} (the site's REST
 *             posts) or {@code ghost} (the Content API)
 * @param url  the feed or sitemap, or the site's address for {@code wordpress} and {@code ghost}
 * @param key  the Ghost Content API key; null for other kinds
 */
public record FeedSource(String name, String kind, String url, String key) {

    public static final Set<String> KINDS = Set.of("rss", "atom", "jsonfeed", "sitemap", "wordpress", "ghost");

    public FeedSource {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown source kind \"" + kind + "\"; kinds are " + new TreeSet<>(KINDS));
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a source needs a url");
        }
        if (kind.equals("ghost") && (key == null || key.isBlank())) {
            throw new IllegalArgumentException("a ghost source needs its Content API key (\"key\")");
        }
        name = name == null || name.isBlank() ? url : name;
    }

    /** A source as configuration and schedule inputs write it: {@code {"name", "kind", "url", "key"?}}. */
    public static FeedSource fromJson(JsonNode source) {
        return new FeedSource(text(source, "name"), source.path("kind").asText(""), text(source, "url"), text(source, "key"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

package dev.precis.ingest.feed;

import java.time.Instant;

/**
 * One entry of a feed, sitemap or CMS list.
 *
 * @param content the article's HTML when the source carries it whole, else null (the page is then fetched)
 */
public record FeedItem(String id, String url, String title, String content, Instant published, Instant modified) {
}

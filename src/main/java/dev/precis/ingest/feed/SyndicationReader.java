package dev.precis.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import dev.precis.ingest.fetch.FetchedPage;
import dev.precis.ingest.fetch.PageFetcher;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom feeds through Rome, which refuses DOCTYPEs, so a feed cannot pull in
 * external entities. An entry's full text ({@code content:encoded}, Atom {@code content}) is analyzed as
 * it is; an entry with only a summary is fetched from its link.
 */
public final class SyndicationReader implements FeedReader {

    static final Set<String> TYPES = Set.of("application/rss+xml", "application/atom+xml", "application/rdf+xml",
            "application/xml", "text/xml", "text/plain", "text/html");
    /** Shorter content is a teaser, not the article. */
    private static final int MIN_FULL_TEXT_CHARS = 500;

    private final PageFetcher fetcher;

    public SyndicationReader(PageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public List<FeedItem> read(FeedSource source, Window window) {
        FetchedPage page = fetcher.fetch(source.url(), TYPES);
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new StringReader(page.text()));
        } catch (FeedException | IllegalArgumentException e) {
            throw new ProblemException(ProblemType.FETCH_FAILED.problem("The feed is not valid RSS or Atom."));
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = entry.getLink();
            if (link == null || link.isBlank()) {
                continue;
            }
            String url = page.url().resolve(link.strip()).toString();
            items.add(new FeedItem(entry.getUri() != null ? entry.getUri() : url, url, entry.getTitle(), fullText(entry),
                    instant(entry.getPublishedDate()), instant(entry.getUpdatedDate())));
        }
        return items;
    }

    private static String fullText(SyndEntry entry) {
        String longest = null;
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && (longest == null || content.getValue().length() > longest.length())) {
                longest = content.getValue();
            }
        }
        return longest != null && longest.length() >= MIN_FULL_TEXT_CHARS ? longest : null;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

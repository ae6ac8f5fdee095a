package dev.precis.ingest.feed;

import dev.precis.ingest.Timestamps;
import dev.precis.ingest.fetch.FetchedPage;
import dev.precis.ingest.fetch.PageFetcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * XML sitemaps, Google News sitemaps ({@code news:publication_date}) and sitemap indexes. A sitemap lists
 * URLs only, so every due item is fetched. An index is followed one level down, to at most
 * {@value #MAX_CHILD_SITEMAPS} sitemaps, skipping those whose {@code lastmod} is before the window.
 */
public final class SitemapReader implements FeedReader {

    static final Set<String> TYPES = Set.of("application/xml", "text/xml", "text/plain", "text/html");
    private static final int MAX_CHILD_SITEMAPS = 20;

    private final PageFetcher fetcher;

    public SitemapReader(PageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public List<FeedItem> read(FeedSource source, Window window) {
        FetchedPage page = fetcher.fetch(source.url(), TYPES);
        Document sitemap = parse(page);
        List<FeedItem> items = new ArrayList<>(urls(sitemap));
        int followed = 0;
        for (Element child : sitemap.select("sitemapindex > sitemap")) {
            Instant changed = Timestamps.instant(text(child, "lastmod"));
            String location = text(child, "loc");
            if (location == null || changed != null && changed.isBefore(window.from()) || followed >= MAX_CHILD_SITEMAPS) {
                continue;
            }
            followed++;
            items.addAll(urls(parse(fetcher.fetch(page.url().resolve(location).toString(), TYPES))));
        }
        return items;
    }

    private static Document parse(FetchedPage page) {
        return Jsoup.parse(page.text(), page.url().toString(), Parser.xmlParser());
    }

    private static List<FeedItem> urls(Document sitemap) {
        List<FeedItem> items = new ArrayList<>();
        for (Element entry : sitemap.select("urlset > url")) {
            String location = text(entry, "loc");
            if (location == null) {
                continue;
            }
            Element news = entry.selectFirst("news|news");
            Instant published = news == null ? null : Timestamps.instant(text(news, "news|publication_date"));
            String title = news == null ? null : text(news, "news|title");
            items.add(new FeedItem(location, location, title, null, published, Timestamps.instant(text(entry, "lastmod"))));
        }
        return items;
    }

    private static String text(Element parent, String tag) {
        Element element = parent.selectFirst(tag);
        if (element == null) {
            return null;
        }
        String text = element.text().strip();
        return text.isEmpty() ? null : text;
    }
}

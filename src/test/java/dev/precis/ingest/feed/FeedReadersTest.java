package dev.precis.ingest.feed;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.precis.api.ProblemException;
import dev.precis.app.AppFixture;
import dev.precis.ingest.fetch.PageFetcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each kind of source read from WireMock: entries, their dates and whether they carry the full text. */
class FeedReadersTest {

    static final Instant SCHEDULED = Instant.parse("2026-11-30T12:00:00Z");
    static final Window WINDOW = Window.before(SCHEDULED, Duration.ofMinutes(15));
    static final String LONG_TEXT = "<p>" + "The county opened a second ferry berth at the north quay on Sunday morning. ".repeat(10) + "</p>";

    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>Quay News</title><link>https://quay.example/</link><description>d</description>
            <item><title>Inside the window</title><link>https://quay.example/a</link><guid>a</guid>
              <pubDate>Mon, 30 Nov 2026 11:50:00 GMT</pubDate><content:encoded><![CDATA[%s]]></content:encoded></item>
            <item><title>On the window's start</title><link>/b</link><guid>b</guid><pubDate>Mon, 30 Nov 2026 11:45:00 GMT</pubDate>
              <description>Only a teaser.</description></item>
            <item><title>On the window's end</title><link>https://quay.example/c</link><pubDate>Mon, 30 Nov 2026 12:00:00 GMT</pubDate></item>
            <item><title>Long before</title><link>https://quay.example/d</link><pubDate>Sun, 29 Nov 2026 08:00:00 GMT</pubDate></item>
            </channel></rss>""".formatted(LONG_TEXT);
    static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Valley</title><id>urn:v</id><updated>2026-11-30T11:58:00Z</updated>
            <entry><title>Updated story</title><id>urn:v:1</id><link href="https://valley.example/1"/>
              <published>2026-11-28T09:00:00Z</published><updated>2026-11-30T11:58:00Z</updated>
              <content type="html">%s</content></entry>
            </feed>""".formatted(LONG_TEXT.replace("<", "&lt;").replace(">", "&gt;"));

    private static WireMockServer origin;
    private static PageFetcher fetcher;

    @BeforeAll
    static void start() {
        origin = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        origin.start();
        fetcher = new PageFetcher(AppFixture.client(AppFixture.loopback(Duration.ofSeconds(2))), AppFixture.loopback(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stop() {
        origin.stop();
    }

    @BeforeEach
    void reset() {
        origin.resetAll();
    }

    static String url(String path) {
        return "http://127.0.0.1:" + origin.port() + path;
    }

    private static void serve(String path, String type, String body) {
        origin.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", type).withBody(body)));
    }

    @Test
    void rssEntriesKeepTheirDatesLinksAndFullText() {
        serve("/rss", "application/rss+xml", RSS);
        List<FeedItem> items = new SyndicationReader(fetcher).read(new FeedSource("quay", "rss", url("/rss"), null), WINDOW);
        assertThat(items).extracting(FeedItem::title).containsExactly("Inside the window", "On the window's start",
                "On the window's end", "Long before");
        assertThat(items.get(0).content()).contains("second ferry berth");
        assertThat(items.get(1).content()).isNull();
        assertThat(items.get(1).url()).isEqualTo(url("/b"));
        assertThat(items).extracting(WINDOW::isDue).containsExactly(true, true, false, false);
    }

    @Test
    void atomEntriesAreDueWhenUpdatedInTheWindow() {
        serve("/atom", "application/atom+xml", ATOM);
        List<FeedItem> items = new SyndicationReader(fetcher).read(new FeedSource("valley", "atom", url("/atom"), null), WINDOW);
        assertThat(items).hasSize(1);
        assertThat(WINDOW.contains(items.get(0).published())).isFalse();
        assertThat(WINDOW.isDue(items.get(0))).isTrue();
        assertThat(items.get(0).content()).contains("north quay");
    }

    @Test
    void jsonFeedItems() {
        serve("/feed.json", "application/feed+json", """
                {"version":"https://jsonfeed.org/version/1.1","title":"t","items":[
                 {"id":"1","url":"https://hill.example/1","title":"A","content_html":"<p>Body</p>","date_published":"2026-11-30T11:50:00+00:00"},
                 {"id":"2","url":"https://hill.example/2","title":"B","date_published":"2026-11-30T10:00:00Z","date_modified":"2026-11-30T11:59:59Z"}]}""");
        List<FeedItem> items = new JsonFeedReader(fetcher).read(new FeedSource("hill", "jsonfeed", url("/feed.json"), null), WINDOW);
        assertThat(items).extracting(WINDOW::isDue).containsExactly(true, true);
        assertThat(items.get(0).content()).isEqualTo("<p>Body</p>");
    }

    @Test
    void newsSitemapsAndSitemapIndexes() {
        serve("/sitemap-index.xml", "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <sitemap><loc>%s</loc><lastmod>2026-11-30T11:59:00Z</lastmod></sitemap>
                <sitemap><loc>%s</loc><lastmod>2020-01-01</lastmod></sitemap></sitemapindex>""".formatted(url("/news.xml"), url("/old.xml")));
        serve("/news.xml", "text/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                <url><loc>https://port.example/x</loc><news:news><news:publication><news:name>Port</news:name><news:language>en</news:language></news:publication>
                  <news:publication_date>2026-11-30T11:55:00Z</news:publication_date><news:title>Crane arrives</news:title></news:news></url>
                <url><loc>https://port.example/y</loc><lastmod>2026-11-30T09:00:00Z</lastmod></url></urlset>""");
        List<FeedItem> items = new SitemapReader(fetcher).read(new FeedSource("port", "sitemap", url("/sitemap-index.xml"), null), WINDOW);
        assertThat(items).extracting(FeedItem::url).containsExactly("https://port.example/x", "https://port.example/y");
        assertThat(items.get(0).title()).isEqualTo("Crane arrives");
        assertThat(items).extracting(WINDOW::isDue).containsExactly(true, false);
        origin.verify(0, getRequestedFor(urlPathEqualTo("/old.xml")));
    }

    @Test
    void wordpressPostsArePagedAndAskedForTheWindow() {
        String post = "{\"id\":%d,\"link\":\"https://harbor.example/%d\",\"title\":{\"rendered\":\"Post &#8220;%d&#8221;\"},"
                + "\"content\":{\"rendered\":\"<p>Text</p>\"},\"date_gmt\":\"2026-11-30T11:50:00\",\"modified_gmt\":\"2026-11-30T11:50:00\"}";
        StringBuilder full = new StringBuilder("[");
        for (int i = 1; i <= 100; i++) {
            full.append(i > 1 ? "," : "").append(post.formatted(i, i, i));
        }
        origin.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/posts")).withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(full + "]")));
        origin.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/posts")).withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[" + post.formatted(101, 101, 101) + "]")));
        List<FeedItem> items = new WordPressPostsReader(fetcher).read(new FeedSource("harbor", "wordpress", url(""), null), WINDOW);
        assertThat(items).hasSize(101);
        assertThat(items.get(0).title()).isEqualTo("Post “1”");
        origin.verify(getRequestedFor(urlPathEqualTo("/wp-json/wp/v2/posts"))
                .withQueryParam("modified_after", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2026-11-30T11:45:00Z"))
                .withQueryParam("modified_before", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2026-11-30T12:00:00Z")));
    }

    @Test
    void ghostPostsFollowThePagination() {
        origin.stubFor(get(urlPathEqualTo("/ghost/api/content/posts/")).withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"posts\":[{\"id\":\"g1\",\"url\":\"https://lake.example/g1/\",\"title\":\"One\",\"html\":\"<p>x</p>\","
                                + "\"published_at\":\"2026-11-30T11:46:00.000Z\",\"updated_at\":\"2026-11-30T11:46:00.000Z\"}],"
                                + "\"meta\":{\"pagination\":{\"page\":1,\"pages\":2,\"next\":2}}}")));
        origin.stubFor(get(urlPathEqualTo("/ghost/api/content/posts/")).withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"posts\":[{\"id\":\"g2\",\"url\":\"https://lake.example/g2/\",\"title\":\"Two\",\"html\":\"<p>y</p>\","
                                + "\"published_at\":\"2026-11-30T11:47:00.000Z\",\"updated_at\":\"2026-11-30T11:47:00.000Z\"}],"
                                + "\"meta\":{\"pagination\":{\"page\":2,\"pages\":2,\"next\":null}}}")));
        List<FeedItem> items = new GhostPostsReader(fetcher).read(new FeedSource("lake", "ghost", url(""), "content-key-1"), WINDOW);
        assertThat(items).extracting(FeedItem::id).containsExactly("g1", "g2");
        origin.verify(getRequestedFor(urlPathEqualTo("/ghost/api/content/posts/")).withQueryParam("key",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("content-key-1"))
                .withQueryParam("filter", containing("updated_at:>='2026-11-30 11:45:00'")));
    }

    @Test
    void malformedFeedsAndDoctypesAreRefused() {
        serve("/broken", "application/rss+xml", "<rss><channel><item><title>unclosed");
        assertThatThrownBy(() -> new SyndicationReader(fetcher).read(new FeedSource("b", "rss", url("/broken"), null), WINDOW))
                .isInstanceOf(ProblemException.class);
        serve("/xxe", "application/rss+xml", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&x;</title><link>https://e.example/</link><description>d</description></channel></rss>");
        assertThatThrownBy(() -> new SyndicationReader(fetcher).read(new FeedSource("x", "rss", url("/xxe"), null), WINDOW))
                .isInstanceOf(ProblemException.class);
    }
}

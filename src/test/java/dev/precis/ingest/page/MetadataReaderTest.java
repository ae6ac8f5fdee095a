package dev.precis.ingest.page;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataReaderTest {

    private final PageExtractor extractor = new PageExtractor();

    private PageMetadata metadata(String head, String body) {
        String html = "<html lang=\"en-GB\"><head>" + head + "</head><body>" + body
                + "<p>The lifeboat crew was called out twice on Sunday, once to a stranded kayaker and once to a yacht.</p></body></html>";
        return extractor.extract(html, "https://news.example.org/coast/lifeboat").metadata();
    }

    @Test
    void openGraphAndArticleTagsComeFirst() {
        PageMetadata m = metadata("""
                <title>Lifeboat busy weekend - Coast News</title>
                <meta property="og:title" content="Lifeboat crew called out twice">
                <meta property="og:site_name" content="Coast News">
                <meta property="og:description" content="A kayaker and a yacht needed help.">
                <meta property="og:image" content="/img/lifeboat.jpg">
                <meta property="article:published_time" content="2026-03-01T09:30:00+01:00">
                <meta property="article:modified_time" content="2026-03-01T11:00:00Z">
                <meta name="author" content="Ines Marlowe">
                <link rel="canonical" href="https://news.example.org/coast/lifeboat-busy">
                """, "<h1>Busy weekend for the lifeboat</h1>");
        assertThat(m.title()).isEqualTo("Lifeboat crew called out twice");
        assertThat(m.siteName()).isEqualTo("Coast News");
        assertThat(m.description()).isEqualTo("A kayaker and a yacht needed help.");
        assertThat(m.image()).isEqualTo("https://news.example.org/img/lifeboat.jpg");
        assertThat(m.publishedAt()).isEqualTo("2026-03-01T09:30:00+01:00");
        assertThat(m.modifiedAt()).isEqualTo("2026-03-01T11:00:00Z");
        assertThat(m.authors()).containsExactly("Ines Marlowe");
        assertThat(m.canonicalUrl()).isEqualTo("https://news.example.org/coast/lifeboat-busy");
        assertThat(m.language()).isEqualTo("en-GB");
    }

    @Test
    void jsonLdFillsWhatMetaTagsLeaveOut() {
        PageMetadata m = metadata("""
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebSite", "name": "Coast News"},
                  {"@type": ["NewsArticle"], "headline": "Two call-outs in a day",
                   "datePublished": "2026-03-01T08:00:00+0000", "dateModified": "2026-03-02",
                   "author": [{"@type": "Person", "name": "Ines Marlowe"}, {"@type": "Person", "name": "Olu Bayo"}],
                   "publisher": {"@type": "Organization", "name": "Coast News Group"},
                   "image": {"@type": "ImageObject", "url": "https://cdn.example.org/l.jpg"},}
                ]}
                </script>
                """, "");
        assertThat(m.title()).isEqualTo("Two call-outs in a day");
        assertThat(m.publishedAt()).isEqualTo("2026-03-01T08:00:00Z");
        assertThat(m.modifiedAt()).isEqualTo("2026-03-02");
        assertThat(m.authors()).containsExactly("Ines Marlowe", "Olu Bayo");
        assertThat(m.siteName()).isEqualTo("Coast News Group");
        assertThat(m.image()).isEqualTo("https://cdn.example.org/l.jpg");
    }

    @Test
    void theFirstHeadingThenTheTitleWithoutTheSiteName() {
        assertThat(metadata("<title>Ignored | Coast News</title>", "<h1>Crew praised by mayor</h1>").title())
                .isEqualTo("Crew praised by mayor");
        assertThat(metadata("<title>Crew praised by mayor after rescue | Coast News</title>", "").title())
                .isEqualTo("Crew praised by mayor after rescue");
        assertThat(metadata("<title>Coast News – Crew praised by mayor after rescue</title>"
                + "<meta property=\"og:site_name\" content=\"Coast News\">", "").title())
                .isEqualTo("Crew praised by mayor after rescue");
    }

    @Test
    void aTimeElementGivesTheDateWhenNothingElseDoes() {
        assertThat(metadata("", "<article><time datetime=\"2026-02-28T17:45:00-05:00\">Feb 28</time></article>").publishedAt())
                .isEqualTo("2026-02-28T17:45:00-05:00");
    }

    @Test
    void unreadableJsonLdAndProfileLinksAreIgnored() {
        PageMetadata m = metadata("<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", headline</script>"
                + "<meta property=\"article:author\" content=\"https://social.example.com/ines\">", "");
        assertThat(m.authors()).isEmpty();
        assertThat(m.title()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"2026-03-01T09:30:00+01:00, 2026-03-01T09:30:00+01:00", "2026-03-01T09:30:00.250Z, 2026-03-01T09:30:00.25Z",
            "2026-03-01T09:30:00+0100, 2026-03-01T09:30:00+01:00", "'Sun, 1 Mar 2026 09:30:00 GMT', 2026-03-01T09:30:00Z",
            "2026-03-01T09:30:00, 2026-03-01T09:30:00", "2026-03-01, 2026-03-01", "last Sunday, ''"})
    void datesAreWrittenAsRfc3339OrLeftOut(String page, String expected) {
        assertThat(MetadataReader.date(page)).isEqualTo(expected.isEmpty() ? null : expected);
    }
}

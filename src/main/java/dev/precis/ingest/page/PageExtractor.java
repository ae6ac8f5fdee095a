package dev.precis.ingest.page;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the article in an HTML page, whole or a fragment (SPEC §10), with a fallback chain: the elements
 * where the page's prose gathers; else, when that is much shorter than the article body the page declares
 * in its structured data, that body; else every block of the page. Metadata comes from the same parse.
 */
public final class PageExtractor {

    /**
     * When the markup yields less than this share of the declared article body, the markup step is taken to
     * have missed the article (a page built by script, or an unusual template).
     */
    private static final double STRUCTURED_BODY_SHARE = 0.5;

    public ExtractedPage extract(String html, String pageUrl) {
        Document document = Jsoup.parse(html, pageUrl == null ? "" : pageUrl);
        PageMarks marks = PageMarks.of(document);
        JsonNode article = StructuredData.article(marks.structuredData).orElse(null);
        PageMetadata metadata = MetadataReader.read(document, marks, article);
        Element body = document.body();
        PageCleaner.clean(body);
        TextBlocks blocks = TextBlocks.of(body);
        List<String> paragraphs = ParagraphWriter.write(MainContentFinder.find(body, blocks), blocks);
        String declared = MetadataReader.structuredBody(article);
        if (declared != null && length(paragraphs) < STRUCTURED_BODY_SHARE * declared.length()) {
            List<String> structured = paragraphsOf(declared);
            if (!structured.isEmpty()) {
                return new ExtractedPage(structured, metadata, ExtractedPage.Method.STRUCTURED_DATA);
            }
        }
        if (paragraphs.isEmpty()) {
            return new ExtractedPage(ParagraphWriter.write(List.of(body), blocks), metadata, ExtractedPage.Method.WHOLE_PAGE);
        }
        return new ExtractedPage(paragraphs, metadata, ExtractedPage.Method.MAIN_CONTENT);
    }

    private static int length(List<String> paragraphs) {
        int length = 0;
        for (String paragraph : paragraphs) {
            length += paragraph.length();
        }
        return length;
    }

    /** Structured data holds the body as text, sometimes with HTML left in: its lines become paragraphs. */
    private static List<String> paragraphsOf(String declared) {
        String text = declared.indexOf('<') >= 0 ? Jsoup.parse(declared).wholeText() : declared;
        List<String> paragraphs = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String paragraph = ParagraphWriter.collapse(line);
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph);
            }
        }
        return paragraphs;
    }
}

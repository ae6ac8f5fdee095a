package dev.precis.ingest.page;

import java.util.List;

/**
 * The article found in a page: its paragraphs, what the page says about itself, and which step of the
 * fallback chain produced the text.
 */
public record ExtractedPage(List<String> paragraphs, PageMetadata metadata, Method method) {

    /** The steps of the fallback chain, best first. */
    public enum Method {
        /** The elements that hold the page's prose. */
        MAIN_CONTENT,
        /** The article body the page declares in its structured data, when the markup gave much less. */
        STRUCTURED_DATA,
        /** Every block of the page, when no element stood out (a fragment, or a page of short lines). */
        WHOLE_PAGE
    }

    public ExtractedPage {
        paragraphs = List.copyOf(paragraphs);
    }

    public String text() {
        return String.join("\n\n", paragraphs);
    }
}

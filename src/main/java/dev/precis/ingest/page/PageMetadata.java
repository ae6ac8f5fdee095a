package dev.precis.ingest.page;

import java.util.List;

/**
 * What a page says about itself (SPEC §10); every field may be null, and {@code authors} empty.
 *
 * @param language the page's declared language tag ({@code <html lang>} and its equivalents)
 */
public record PageMetadata(String title, List<String> authors, String publishedAt, String modifiedAt,
                           String canonicalUrl, String siteName, String language, String description, String image) {

    public PageMetadata {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    public static PageMetadata none() {
        return new PageMetadata(null, List.of(), null, null, null, null, null, null, null);
    }
}

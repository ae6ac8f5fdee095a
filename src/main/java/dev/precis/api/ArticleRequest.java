package dev.precis.api;

/**
 * A validated request to analyze one article (SPEC §2). Optional fields are {@code null} when absent.
 */
public record ArticleRequest(
        String id,
        String title,
        String body,
        Format format,
        String url,
        String language,
        String publishedAt,
        ArticleOptions options) {

    public static ArticleRequest ofBody(String body, Format format) {
        return new ArticleRequest(null, null, body, format, null, null, null, ArticleOptions.defaults());
    }
}

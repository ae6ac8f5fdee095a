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

    public ArticleRequest withBody(String newBody, Format newFormat) {
        return new ArticleRequest(id, title, newBody, newFormat, url, language, publishedAt, options);
    }

    public ArticleRequest withTitle(String newTitle) {
        return new ArticleRequest(id, newTitle, body, format, url, language, publishedAt, options);
    }

    public ArticleRequest withEngine(String engine) {
        return new ArticleRequest(id, title, body, format, url, language, publishedAt, new ArticleOptions(options.summarySentences(),
                options.keyPoints(), options.maxTags(), engine, options.includeText()));
    }

    public static ArticleRequest ofBody(String body, Format format) {
        return new ArticleRequest(null, null, body, format, null, null, null, ArticleOptions.defaults());
    }
}

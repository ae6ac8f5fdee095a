package dev.precis.api;

/**
 * Per-request knobs. Every value has already been range-checked by {@link ArticleRequestReader}.
 *
 * @param includeText whether the brief carries the normalized body text that all offsets point into
 */
public record ArticleOptions(int summarySentences, int keyPoints, int maxTags, String engine, boolean includeText) {

    public static final int DEFAULT_SUMMARY_SENTENCES = 3;
    public static final int DEFAULT_KEY_POINTS = 3;
    public static final int DEFAULT_MAX_TAGS = 10;
    public static final String DEFAULT_ENGINE = "embedded";

    public static ArticleOptions defaults() {
        return new ArticleOptions(DEFAULT_SUMMARY_SENTENCES, DEFAULT_KEY_POINTS, DEFAULT_MAX_TAGS, DEFAULT_ENGINE, false);
    }
}

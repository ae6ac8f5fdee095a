package dev.precis.engine.text;

import dev.precis.api.Format;

import java.util.regex.Pattern;

/** Tells HTML and Markdown from plain text when the caller said {@code auto}. */
public final class FormatDetector {

    private static final Pattern HTML_TAG = Pattern.compile(
            "<(?:p|div|br|html|body|head|article|section|span|a|h[1-6]|ul|ol|li|em|strong|b|i|img|table|blockquote|figure|script|style)\\b[^>]{0,500}>|</[a-zA-Z][a-zA-Z0-9]{0,20}>|&(?:nbsp|amp|quot|#\\d{1,6});",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKDOWN = Pattern.compile(
            "(?m)^(?:#{1,6} \\S|[*+-] \\S|>\\s|```|\\d{1,3}\\. \\S)|\\[[^\\]\\n]{1,300}\\]\\([^)\\s]{1,2000}\\)|\\*\\*[^*\\n]{1,300}\\*\\*|__[^_\\n]{1,300}__");
    private static final int MIN_MARKDOWN_SIGNS = 2;

    private FormatDetector() {
    }

    public static Format detect(String body) {
        if (HTML_TAG.matcher(body).find()) {
            return Format.HTML;
        }
        var markdown = MARKDOWN.matcher(body);
        int signs = 0;
        while (signs < MIN_MARKDOWN_SIGNS && markdown.find()) {
            signs++;
        }
        return signs >= MIN_MARKDOWN_SIGNS ? Format.MARKDOWN : Format.TEXT;
    }
}

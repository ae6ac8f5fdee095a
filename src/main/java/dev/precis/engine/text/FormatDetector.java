package dev.precis.engine.text;

import dev.precis.api.Format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells HTML and Markdown from plain text when the caller said {@code auto}. The patterns are tried only
 * where a sign can begin (a {@code <} or {@code &}; a line start, {@code [}, {@code *} or {@code _}), since
 * trying every alternative at every character of a plain article cost more than the rest of its parsing.
 */
public final class FormatDetector {

    private static final Pattern HTML_TAG = Pattern.compile(
            "<(?:p|div|br|html|body|head|article|section|span|a|h[1-6]|ul|ol|li|em|strong|b|i|img|table|blockquote|figure|script|style)\\b[^>]{0,500}>|</[a-zA-Z][a-zA-Z0-9]{0,20}>|&(?:nbsp|amp|quot|#\\d{1,6});",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKDOWN = Pattern.compile(
            "(?m)^(?:#{1,6} \\S|[*+-] \\S|>\\s|```|\\d{1,3}\\. \\S)|\\[[^\\]\\n]{1,300}\\]\\([^)\\s]{1,2000}\\)|\\*\\*[^*\\n]{1,300}\\*\\*|__[^_\\n]{1,300}__");
    private static final int MIN_MARKDOWN_SIGNS = 2;
    /** Where the pattern's {@code ^} may match: after any of Java's line terminators, not only '\n'. */
    private static final String LINE_BREAKS = "\n\r\u0085\u2028\u2029";

    private FormatDetector() {
    }

    public static Format detect(String body) {
        Matcher html = HTML_TAG.matcher(body);
        for (int at = 0; at < body.length(); at++) {
            char c = body.charAt(at);
            if ((c == '<' || c == '&') && html.region(at, body.length()).lookingAt()) {
                return Format.HTML;
            }
        }
        Matcher markdown = MARKDOWN.matcher(body).useAnchoringBounds(false).useTransparentBounds(true);
        int signs = 0;
        for (int at = 0; at < body.length() && signs < MIN_MARKDOWN_SIGNS; at++) {
            if (canStartMarkdown(body, at) && markdown.region(at, body.length()).lookingAt()) {
                signs++;
                at = markdown.end() - 1;
            }
        }
        return signs >= MIN_MARKDOWN_SIGNS ? Format.MARKDOWN : Format.TEXT;
    }

    private static boolean canStartMarkdown(String body, int at) {
        char c = body.charAt(at);
        return at == 0 || LINE_BREAKS.indexOf(body.charAt(at - 1)) >= 0 || c == '[' || c == '*' || c == '_';
    }
}

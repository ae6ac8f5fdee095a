package dev.precis.ingest.page;

import org.jsoup.nodes.Element;

import java.util.Locale;
import java.util.Set;

/**
 * What an element's {@code class} and {@code id} say about it. Page templates name their parts
 * ("article-body", "share-bar", "relatedPosts"); the names are split into words at dashes, underscores and
 * case changes, and read against two small vocabularies. A furniture word outweighs a content word:
 * "comment-content", "article-tags" and "post-meta" name parts around the article, not the article.
 */
final class ClassSignals {

    enum Kind { CONTENT, FURNITURE, NEUTRAL }

    /** Words templates use for the article itself. */
    private static final Set<String> CONTENT = Set.of("article", "body", "content", "entry", "main", "post", "story",
            "text", "blog", "prose", "richtext");
    /**
     * Words templates use for what surrounds an article: reader comments, sharing and social buttons,
     * related and recommended links, newsletter and subscription prompts, advertising, cookie and consent
     * notices, navigation and menus, bylines, captions and credits, tag lists, calls to action and link cards
     * (CMS "callout" and "bookmark" blocks), and page chrome.
     */
    private static final Set<String> FURNITURE = Set.of("comment", "comments", "share", "sharing", "social", "related",
            "recommended", "recommendation", "recommendations", "newsletter", "subscribe", "subscription", "promo",
            "advert", "advertisement", "ad", "ads", "sponsor", "sponsored", "cookie", "cookies", "consent", "sidebar",
            "breadcrumb", "breadcrumbs", "nav", "navbar", "navigation", "menu", "footer", "masthead", "popup", "modal",
            "overlay", "banner", "widget", "signup", "paywall", "toolbar", "pagination", "pager", "trending",
            "popular", "tags", "byline", "caption", "credit", "meta", "skip", "callout", "bookmark", "cta");

    private ClassSignals() {
    }

    static Kind of(Element element) {
        String names = names(element);
        if (names.isEmpty()) {
            return Kind.NEUTRAL;
        }
        Kind kind = Kind.NEUTRAL;
        int start = -1;
        for (int i = 0; i <= names.length(); i++) {
            boolean letter = i < names.length() && isWordChar(names.charAt(i));
            boolean caseBreak = letter && start >= 0 && Character.isUpperCase(names.charAt(i))
                    && Character.isLowerCase(names.charAt(i - 1));
            if (start >= 0 && (!letter || caseBreak)) {
                String word = names.substring(start, i).toLowerCase(Locale.ROOT);
                if (FURNITURE.contains(word)) {
                    return Kind.FURNITURE;
                }
                if (CONTENT.contains(word)) {
                    kind = Kind.CONTENT;
                }
                start = -1;
            }
            if (letter && start < 0) {
                start = i;
            }
        }
        return kind;
    }

    private static boolean isWordChar(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static String names(Element element) {
        String className = element.attributes().getIgnoreCase("class");
        String id = element.attributes().getIgnoreCase("id");
        if (className.isEmpty()) {
            return id;
        }
        return id.isEmpty() ? className : className + " " + id;
    }
}

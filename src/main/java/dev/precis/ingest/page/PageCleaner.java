package dev.precis.ingest.page;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes what is never article text, before anything is scored: code and media, form controls, elements
 * the page hides, and the parts HTML marks as navigation, asides, footers and figures. One walk that does
 * not descend into what it removes.
 */
final class PageCleaner {

    private static final Set<String> NEVER_TEXT = Set.of("script", "style", "noscript", "template", "svg", "math",
            "canvas", "iframe", "object", "embed", "video", "audio", "picture", "source", "button", "select", "input",
            "textarea", "link", "meta", "title", "dialog");
    private static final Set<String> AROUND_THE_ARTICLE = Set.of("nav", "aside", "footer", "figure", "figcaption");
    private static final Set<String> AROUND_THE_ARTICLE_ROLES = Set.of("navigation", "complementary", "contentinfo",
            "dialog", "alertdialog", "search", "menu", "menubar");
    private static final Pattern HIDING_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden",
            Pattern.CASE_INSENSITIVE);

    private PageCleaner() {
    }

    static void clean(Element body) {
        List<Element> removed = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element element && element != body && isRemoved(element)) {
                    removed.add(element);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        for (Element element : removed) {
            element.remove();
        }
    }

    private static boolean isRemoved(Element element) {
        String tag = element.normalName();
        if (NEVER_TEXT.contains(tag) || AROUND_THE_ARTICLE.contains(tag)) {
            return true;
        }
        if (element.attributesSize() == 0) {
            return false;
        }
        if (element.hasAttr("hidden") || element.attr("aria-hidden").equalsIgnoreCase("true")) {
            return true;
        }
        String role = element.attr("role");
        if (!role.isEmpty() && AROUND_THE_ARTICLE_ROLES.contains(role.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String style = element.attr("style");
        return !style.isEmpty() && HIDING_STYLE.matcher(style).find();
    }
}

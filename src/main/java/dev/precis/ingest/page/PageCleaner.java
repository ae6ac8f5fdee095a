package dev.precis.ingest.page;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Removes what is never article text, before anything is scored: code and media, form controls, elements
 * the page hides, and the parts HTML marks as navigation, asides, footers and figures.
 */
final class PageCleaner {

    private static final String NEVER_TEXT = "script, style, noscript, template, svg, math, canvas, iframe, object, embed, "
            + "video, audio, picture, source, button, select, input, textarea, link, meta, title, dialog";
    private static final String HIDDEN = "[hidden], [aria-hidden=true], [style~=(?i)display\\s*:\\s*none], "
            + "[style~=(?i)visibility\\s*:\\s*hidden]";
    private static final String AROUND_THE_ARTICLE = "nav, aside, footer, figure, figcaption, [role=navigation], "
            + "[role=complementary], [role=contentinfo], [role=dialog], [role=alertdialog], [role=search], "
            + "[role=menu], [role=menubar]";

    private PageCleaner() {
    }

    static void clean(Element body) {
        remove(body.select(NEVER_TEXT));
        remove(body.select(HIDDEN));
        remove(body.select(AROUND_THE_ARTICLE));
    }

    private static void remove(Elements elements) {
        for (Element element : elements) {
            if (element.parent() != null) {
                element.remove();
            }
        }
    }
}

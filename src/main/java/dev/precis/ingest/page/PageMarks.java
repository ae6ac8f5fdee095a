package dev.precis.ingest.page;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The elements metadata is read from, gathered in one walk over the page (a dozen CSS queries would each
 * walk it again, which shows on pages of half a million elements).
 */
final class PageMarks {

    final List<Element> metas = new ArrayList<>();
    final List<Element> structuredData = new ArrayList<>();
    /** Elements naming authors, the first few only: a byline names a handful, never hundreds. */
    final List<Element> authorNames = new ArrayList<>();
    private static final int MAX_AUTHOR_ELEMENTS = 20;
    Element canonical;
    Element firstH1;
    Element published;
    Element modified;
    Element timeInArticle;
    Element timeWithPubdate;
    Element anyTime;

    static PageMarks of(Document document) {
        PageMarks marks = new PageMarks();
        NodeTraversor.traverse(new NodeVisitor() {
            private int insideArticles;
            private int insideAuthors;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element) {
                    marks.visit(element, insideArticles > 0, insideAuthors > 0);
                    if (element.normalName().equals("article")) {
                        insideArticles++;
                    }
                    if (element.attr("itemprop").equalsIgnoreCase("author")) {
                        insideAuthors++;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    if (element.normalName().equals("article")) {
                        insideArticles--;
                    }
                    if (element.attr("itemprop").equalsIgnoreCase("author")) {
                        insideAuthors--;
                    }
                }
            }
        }, document);
        return marks;
    }

    private void visit(Element element, boolean inArticle, boolean inAuthor) {
        switch (element.normalName()) {
            case "meta" -> {
                if (element.hasAttr("content")) {
                    metas.add(element);
                }
            }
            case "script" -> {
                if (element.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                    structuredData.add(element);
                }
            }
            case "link" -> {
                if (canonical == null && element.hasAttr("href") && element.attr("rel").strip().equalsIgnoreCase("canonical")) {
                    canonical = element;
                }
            }
            case "h1" -> {
                if (firstH1 == null) {
                    firstH1 = element;
                }
            }
            case "time" -> {
                if (element.hasAttr("datetime")) {
                    timeInArticle = inArticle && timeInArticle == null ? element : timeInArticle;
                    timeWithPubdate = element.hasAttr("pubdate") && timeWithPubdate == null ? element : timeWithPubdate;
                    anyTime = anyTime == null ? element : anyTime;
                }
            }
            default -> { }
        }
        if (element.attributesSize() == 0) {
            return;
        }
        String itemprop = element.attr("itemprop");
        if (itemprop.equalsIgnoreCase("datePublished") && published == null) {
            published = element;
        } else if (itemprop.equalsIgnoreCase("dateModified") && modified == null) {
            modified = element;
        } else if (itemprop.equalsIgnoreCase("name") && inAuthor && authorNames.size() < MAX_AUTHOR_ELEMENTS) {
            authorNames.add(element);
        }
        if (element.attr("rel").equalsIgnoreCase("author") && !element.normalName().equals("link")
                && authorNames.size() < MAX_AUTHOR_ELEMENTS) {
            authorNames.add(element);
        }
    }

    Element time() {
        return timeInArticle != null ? timeInArticle : timeWithPubdate != null ? timeWithPubdate : anyTime;
    }
}

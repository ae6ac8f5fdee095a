package dev.precis.ingest.page;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the chosen elements out as paragraphs, one per block, leaving out what sits inside an article but
 * is not part of it: parts named as furniture (share bars, related links, bylines), blocks that are mostly
 * links, and the headline, which the page's metadata carries.
 */
final class ParagraphWriter {

    /** A block with more link text than this share is a list of links, not prose. */
    private static final double MAX_LINK_DENSITY = 0.5;
    /** A part named as furniture is kept when it holds more than this share of the article's text. */
    private static final double FURNITURE_KEPT_SHARE = 0.5;

    private ParagraphWriter() {
    }

    static List<String> write(List<Element> roots, TextBlocks blocks) {
        List<String> paragraphs = new ArrayList<>();
        for (Element root : roots) {
            write(root, blocks, paragraphs);
        }
        return paragraphs;
    }

    private static void write(Element root, TextBlocks blocks, List<String> paragraphs) {
        TextBlocks.Totals rootTotals = blocks.totals(root);
        StringBuilder current = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    current.append(text.getWholeText());
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element element) || element == root) {
                    return FilterResult.CONTINUE;
                }
                if (element.normalName().equals("h1") || isFurniture(element) || isLinkList(element)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (TextBlocks.isBlock(element)) {
                    flush(current, paragraphs);
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (TextBlocks.isBlock(node)) {
                    flush(current, paragraphs);
                }
                return FilterResult.CONTINUE;
            }

            private boolean isFurniture(Element element) {
                if (ClassSignals.of(element) != ClassSignals.Kind.FURNITURE) {
                    return false;
                }
                TextBlocks.Totals totals = blocks.existing(element);
                return totals == null || totals.chars <= FURNITURE_KEPT_SHARE * rootTotals.chars;
            }

            private boolean isLinkList(Element element) {
                if (!TextBlocks.isBlock(element)) {
                    return false;
                }
                TextBlocks.Totals totals = blocks.existing(element);
                return totals != null && totals.chars > 0 && totals.linkDensity() > MAX_LINK_DENSITY;
            }
        }, root);
        flush(current, paragraphs);
    }

    static void flush(StringBuilder current, List<String> paragraphs) {
        String paragraph = collapse(current);
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph);
        }
        current.setLength(0);
    }

    /** Folds every run of white space to one space and trims. */
    static String collapse(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}

package dev.precis.ingest.page;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text of a page cut into runs, one for each stretch of inline content between block boundaries, each
 * owned by its nearest block element, with how much of it is link text. Every block element gets the
 * totals of its subtree. One iterative walk, so deep or broken markup costs no stack and no quadratic pass.
 */
final class TextBlocks {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "blockquote", "pre", "section", "article", "main", "table", "tbody", "thead", "tr", "td", "th", "dl", "dt",
            "dd", "br", "hr", "address", "body", "caption", "header", "figure", "form", "center");

    /** One run of inline text; lengths count characters with white space folded. */
    record Run(Element owner, int chars, int linkChars, int commas) {
    }

    /** What an element's subtree holds, and, for elements near paragraphs, their content score. */
    static final class Totals {
        int chars;
        int linkChars;
        double score;
        boolean candidate;

        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }
    }

    private final List<Run> runs = new ArrayList<>();
    private final Map<Element, Totals> totals = new IdentityHashMap<>();

    private TextBlocks() {
    }

    static boolean isBlock(Node node) {
        return node instanceof Element element && (BLOCKS.contains(element.normalName()) || element.isBlock());
    }

    static TextBlocks of(Element root) {
        TextBlocks blocks = new TextBlocks();
        NodeTraversor.traverse(blocks.new Collector(root), root);
        return blocks;
    }

    List<Run> runs() {
        return runs;
    }

    /** The totals of an element, created empty for an element that holds no text. */
    Totals totals(Element element) {
        return totals.computeIfAbsent(element, e -> new Totals());
    }

    /** The totals of an element, or null when it holds no text. */
    Totals existing(Element element) {
        return totals.get(element);
    }

    Iterable<Map.Entry<Element, Totals>> all() {
        return totals.entrySet();
    }

    /**
     * Walks the tree keeping the open blocks on a stack, each with its running totals; a block's totals are
     * added to the block around it when it closes, and kept only if it holds text, so the many empty
     * blocks of a broken page cost no map entries.
     */
    private final class Collector implements NodeVisitor {
        private final Deque<Element> open = new ArrayDeque<>();
        private final Deque<Totals> openTotals = new ArrayDeque<>();
        private int chars;
        private int linkChars;
        private int commas;
        private boolean pendingSpace;
        private int insideLinks;

        Collector(Element root) {
            open.push(root);
            openTotals.push(totals(root));
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                add(text.getWholeText());
            } else if (node instanceof Element element) {
                if (element.normalName().equals("a")) {
                    insideLinks++;
                }
                if (isBlock(element) && element != open.peek()) {
                    flush();
                    open.push(element);
                    openTotals.push(new Totals());
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            if (element.normalName().equals("a")) {
                insideLinks--;
            }
            if (element == open.peek()) {
                flush();
                if (open.size() > 1) {
                    open.pop();
                    Totals own = openTotals.pop();
                    if (own.chars > 0) {
                        totals.put(element, own);
                        Totals up = openTotals.peek();
                        up.chars += own.chars;
                        up.linkChars += own.linkChars;
                    }
                }
            }
        }

        private void add(String text) {
            boolean inLink = insideLinks > 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    pendingSpace = chars > 0;
                    continue;
                }
                int added = pendingSpace ? 2 : 1;
                pendingSpace = false;
                chars += added;
                if (inLink) {
                    linkChars += added;
                }
                if (c == ',' || c == '，' || c == '、' || c == '،') {
                    commas++;
                }
            }
        }

        private void flush() {
            if (chars > 0) {
                int links = Math.min(linkChars, chars);
                runs.add(new Run(open.peek(), chars, links, commas));
                Totals own = openTotals.peek();
                own.chars += chars;
                own.linkChars += links;
            }
            chars = 0;
            linkChars = 0;
            commas = 0;
            pendingSpace = false;
        }
    }
}

package dev.precis.engine.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the article text out of HTML with jsoup: page furniture (scripts, navigation, asides, captions,
 * forms) is dropped and every block element closes a paragraph. The traversal is iterative, so deeply
 * nested markup cannot exhaust the stack.
 */
public final class HtmlParagraphs implements ParagraphSource {

    private static final String DROPPED =
            "script, style, noscript, template, nav, aside, figure, figcaption, form, button, select, iframe, svg, "
                    + "canvas, header, footer, object, embed, audio, video, [hidden], [aria-hidden=true]";
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "blockquote", "pre", "section", "article", "main", "table", "tr", "td", "th", "dl", "dt", "dd", "br",
            "hr", "address", "body", "caption");

    @Override
    public List<String> paragraphs(String body) {
        Document document = Jsoup.parse(body);
        document.select(DROPPED).remove();
        Collector collector = new Collector();
        NodeTraversor.traverse(collector, document.body());
        collector.flush();
        return collector.paragraphs;
    }

    private static final class Collector implements NodeVisitor {
        private final List<String> paragraphs = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                current.append(text.getWholeText());
            } else if (isBlock(node)) {
                flush();
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (isBlock(node)) {
                flush();
            }
        }

        private static boolean isBlock(Node node) {
            return node instanceof Element element && (BLOCKS.contains(element.normalName()) || element.isBlock());
        }

        void flush() {
            if (!current.toString().isBlank()) {
                paragraphs.add(current.toString());
            }
            current.setLength(0);
        }
    }
}

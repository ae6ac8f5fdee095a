package dev.precis.engine.text;

import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Renders Markdown to paragraphs of text with commonmark: code blocks and images are not article text;
 * raw HTML inside the Markdown goes through {@link HtmlParagraphs}. The walk uses an explicit stack.
 */
public final class MarkdownParagraphs implements ParagraphSource {

    private static final Parser PARSER = Parser.builder().build();
    /** Marks on the stack where a block ends, so that its text becomes a paragraph of its own. */
    private static final Node BLOCK_END = new ThematicBreak();
    private final HtmlParagraphs html = new HtmlParagraphs();

    @Override
    public List<String> paragraphs(String body) {
        Node document = PARSER.parse(body);
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(document);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node == BLOCK_END) {
                flush(current, paragraphs);
                continue;
            }
            if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock || node instanceof Image
                    || node instanceof ThematicBreak) {
                continue;
            }
            if (node instanceof HtmlBlock htmlBlock) {
                flush(current, paragraphs);
                paragraphs.addAll(html.paragraphs(htmlBlock.getLiteral()));
                continue;
            }
            if (node instanceof Text text) {
                current.append(text.getLiteral());
            } else if (node instanceof Code code) {
                current.append(code.getLiteral());
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                current.append(' ');
            } else if (node instanceof HtmlInline) {
                // Inline tags such as <br> separate words; the tag itself is not text.
                current.append(' ');
                continue;
            }
            if (node instanceof Block) {
                flush(current, paragraphs);
                pending.push(BLOCK_END);
            }
            pushChildrenInOrder(node, pending);
        }
        flush(current, paragraphs);
        return paragraphs;
    }

    private static void pushChildrenInOrder(Node node, Deque<Node> pending) {
        Deque<Node> children = new ArrayDeque<>();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            children.push(child);
        }
        while (!children.isEmpty()) {
            pending.push(children.pop());
        }
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        if (!current.toString().isBlank()) {
            paragraphs.add(current.toString());
        }
        current.setLength(0);
    }
}

package dev.precis.ingest.cms;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the structured bodies CMSs store into paragraphs: Contentful Rich Text ({@code nodeType} trees),
 * Sanity Portable Text ({@code _type: block} lists) and Strapi blocks ({@code type}/{@code children}).
 * Headings, list items and quotes become paragraphs of their own; embedded entries, images and code are
 * not article text. The walks use explicit stacks, so a deep structure cannot exhaust the thread's stack.
 */
public final class RichText {

    /** Contentful nodes whose text is one paragraph. */
    private static final Set<String> CONTENTFUL_BLOCKS = Set.of("paragraph", "heading-1", "heading-2", "heading-3",
            "heading-4", "heading-5", "heading-6", "table-cell", "table-header-cell");
    private static final Set<String> STRAPI_BLOCKS = Set.of("paragraph", "heading", "quote", "list-item");
    /** Blocks that hold no reader-facing prose. */
    private static final Set<String> SKIPPED = Set.of("code", "image", "embedded-entry-block", "embedded-asset-block",
            "embedded-entry-inline", "embedded-resource-block", "embedded-resource-inline", "hr");

    private RichText() {
    }

    /** The paragraphs of a structured body, or empty when the value is not one of the known structures. */
    public static Optional<List<String>> paragraphs(JsonNode body) {
        if (body == null) {
            return Optional.empty();
        }
        if (body.isObject() && "document".equals(body.path("nodeType").asText())) {
            return Optional.of(walk(body, "content", "nodeType", CONTENTFUL_BLOCKS, "value"));
        }
        if (body.isArray() && !body.isEmpty()) {
            JsonNode first = body.get(0);
            if (first.has("_type")) {
                return Optional.of(portableText(body));
            }
            if (first.has("type") && first.has("children")) {
                return Optional.of(walk(body, "children", "type", STRAPI_BLOCKS, "text"));
            }
            if (first.isTextual()) {
                List<String> lines = new ArrayList<>();
                body.forEach(line -> lines.add(line.asText()));
                return Optional.of(lines);
            }
        }
        return Optional.empty();
    }

    /**
     * Depth-first over a tree whose nodes name their kind in {@code kindField} and list their children in
     * {@code childrenField}; the text under each block node becomes one paragraph.
     */
    private static List<String> walk(JsonNode root, String childrenField, String kindField, Set<String> blocks,
                                     String textField) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Object next = pending.pop();
            if (next == BLOCK_END) {
                flush(current, paragraphs);
                continue;
            }
            JsonNode node = (JsonNode) next;
            if (node.isArray()) {
                pushChildren(node, pending);
                continue;
            }
            String kind = node.path(kindField).asText("");
            if (SKIPPED.contains(kind)) {
                continue;
            }
            JsonNode text = node.get(textField);
            if (text != null && text.isTextual()) {
                current.append(text.textValue());
            }
            if (blocks.contains(kind)) {
                flush(current, paragraphs);
                pending.push(BLOCK_END);
            }
            JsonNode children = node.get(childrenField);
            if (children != null && children.isArray()) {
                pushChildren(children, pending);
            }
        }
        flush(current, paragraphs);
        return paragraphs;
    }

    /** Portable Text: each block's spans make a paragraph, whatever its style (heading, quote, list item). */
    private static List<String> portableText(JsonNode blocks) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (JsonNode block : blocks) {
            if (!"block".equals(block.path("_type").asText())) {
                continue;
            }
            for (JsonNode span : block.path("children")) {
                current.append(span.path("text").asText(""));
            }
            flush(current, paragraphs);
        }
        return paragraphs;
    }

    private static final Object BLOCK_END = new Object();

    private static void pushChildren(JsonNode children, Deque<Object> pending) {
        for (int i = children.size() - 1; i >= 0; i--) {
            pending.push(children.get(i));
        }
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        String paragraph = current.toString().strip();
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph);
        }
        current.setLength(0);
    }
}

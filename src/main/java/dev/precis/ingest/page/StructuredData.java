package dev.precis.ingest.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jsoup.nodes.Element;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The schema.org article a page describes in JSON-LD ({@code <script type="application/ld+json">}): the
 * first object whose {@code @type} is an article or a posting, looked for in {@code @graph} lists and nested
 * objects too. Pages write this JSON by hand often enough that it is read leniently; a block that still
 * cannot be read is skipped.
 */
final class StructuredData {

    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();
    static {
        LENIENT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }
    /** JSON nodes examined per script block at most, so a huge or hostile JSON-LD block costs a bounded walk. */
    private static final int MAX_OBJECTS = 2_000;

    private StructuredData() {
    }

    static Optional<JsonNode> article(List<Element> scripts) {
        for (Element script : scripts) {
            JsonNode root;
            try {
                root = LENIENT.readTree(script.data());
            } catch (JsonProcessingException | RuntimeException e) {
                continue;
            }
            Optional<JsonNode> found = findArticle(root);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> findArticle(JsonNode root) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.add(root);
        for (int seen = 0; !pending.isEmpty() && seen < MAX_OBJECTS; seen++) {
            JsonNode node = pending.poll();
            if (node == null) {
                continue;
            }
            if (node.isObject() && isArticle(node.path("@type"))) {
                return Optional.of(node);
            }
            if (node.isContainerNode()) {
                node.forEach(pending::add);
            }
        }
        return Optional.empty();
    }

    private static boolean isArticle(JsonNode type) {
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (isArticle(each)) {
                    return true;
                }
            }
            return false;
        }
        String name = type.asText("");
        int colon = Math.max(name.lastIndexOf('/'), name.lastIndexOf(':'));
        String local = name.substring(colon + 1);
        return local.endsWith("Article") || local.endsWith("Posting") || local.equals("Report");
    }

    /** The text of a field that may be a string, an object with a {@code name} or {@code url}, or a list of those. */
    static List<String> texts(JsonNode value, String objectField) {
        List<String> out = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode each : value) {
                out.addAll(texts(each, objectField));
            }
        } else if (value.isObject()) {
            JsonNode inner = value.path(objectField);
            if (inner.isTextual() && !inner.textValue().isBlank()) {
                out.add(inner.textValue().strip());
            }
        } else if (value.isTextual() && !value.textValue().isBlank()) {
            out.add(value.textValue().strip());
        }
        return out;
    }

    static String text(JsonNode value, String objectField) {
        List<String> all = texts(value, objectField);
        return all.isEmpty() ? null : all.get(0);
    }
}

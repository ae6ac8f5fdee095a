package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.ArticleOptions;
import dev.precis.api.ArticleRequest;
import dev.precis.api.Brief;
import dev.precis.api.Format;
import dev.precis.engine.AnnotatedDocument;

import java.util.Map;

/** One evaluation task: what a prediction line holds, and how predictions are scored against gold. */
interface TaskScorer {

    /** The request sent for one input line; by default its title and text as a plain-text article. */
    default ArticleRequest request(String id, JsonNode line) {
        String title = line.hasNonNull("title") ? line.get("title").asText() : null;
        return new ArticleRequest(id, title, line.path("text").asText(""), Format.TEXT, null, null, null,
                ArticleOptions.defaults());
    }

    /**
     * Whether the task measures the whole service (page extraction included) rather than the engine alone;
     * such tasks get the brief only, not the annotated document.
     */
    default boolean throughService() {
        return false;
    }

    /** The prediction line for one document; {@code brief} and {@code document} are null when it had no words. */
    ObjectNode predict(String id, Brief brief, AnnotatedDocument document);

    /** Whether the input line carries the gold answer this task scores against. */
    boolean hasGold(JsonNode line);

    void add(JsonNode gold, JsonNode prediction);

    /** Metrics in percent, overall and per {@code source} where the data has one. */
    Map<String, Object> metrics();
}

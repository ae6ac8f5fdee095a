package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Brief;
import dev.precis.engine.AnnotatedDocument;

import java.util.Map;

/** One evaluation task: what a prediction line holds, and how predictions are scored against gold. */
interface TaskScorer {

    /** The prediction line for one document; {@code brief} and {@code document} are null when it had no words. */
    ObjectNode predict(String id, Brief brief, AnnotatedDocument document);

    /** Whether the input line carries the gold answer this task scores against. */
    boolean hasGold(JsonNode line);

    void add(JsonNode gold, JsonNode prediction);

    /** Metrics in percent, overall and per {@code source} where the data has one. */
    Map<String, Object> metrics();
}

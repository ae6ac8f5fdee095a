package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.ArticleOptions;
import dev.precis.api.ArticleRequest;
import dev.precis.api.Brief;
import dev.precis.api.Format;
import dev.precis.api.Json;
import dev.precis.engine.AnnotatedDocument;
import dev.precis.engine.EmbeddedEngine;
import dev.precis.engine.EmptyArticleException;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code precis eval TASK FILE --out PRED}: runs the engine over a JSONL file (title and text of each
 * line as a request, default options), writes one prediction line per document, and scores the
 * predictions where the lines carry gold answers.
 */
public final class Evaluation {

    public static final Map<String, Supplier<TaskScorer>> TASKS = Map.of(
            "summarization", SummarizationScorer::new,
            "keyphrases", KeyphraseScorer::new,
            "ner", NerScorer::new,
            "categories", CategoryScorer::new);

    private final EmbeddedEngine engine;

    public Evaluation(EmbeddedEngine engine) {
        this.engine = engine;
    }

    /** Returns the report: metrics (when gold was found), document count and throughput. */
    public Map<String, Object> run(String task, Path input, Path output) throws IOException {
        TaskScorer scorer = TASKS.get(task).get();
        int documents = 0;
        int scored = 0;
        long analysisNanos = 0;
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
             BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode document = Json.parse(line);
                String id = document.path("id").asText(String.valueOf(documents));
                long started = System.nanoTime();
                ObjectNode prediction = predict(scorer, id, document);
                analysisNanos += System.nanoTime() - started;
                writer.write(Json.write(prediction));
                writer.newLine();
                documents++;
                if (scorer.hasGold(document)) {
                    scorer.add(document, prediction);
                    scored++;
                }
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("task", task);
        report.put("documents", documents);
        report.put("docsPerSecond", Math.round(documents / Math.max(analysisNanos / 1e9, 1e-9) * 10) / 10.0);
        if (scored > 0) {
            report.put("metrics", scorer.metrics());
        } else {
            report.put("metrics", "skipped: the input has no gold answers for " + task);
        }
        return report;
    }

    private ObjectNode predict(TaskScorer scorer, String id, JsonNode line) {
        String title = line.hasNonNull("title") ? line.get("title").asText() : null;
        ArticleRequest request = new ArticleRequest(id, title, line.path("text").asText(""), Format.TEXT, null, null,
                null, ArticleOptions.defaults());
        try {
            AnnotatedDocument document = engine.annotate(request);
            Brief brief = engine.assemble(document, request, System.nanoTime());
            return scorer.predict(id, brief, document);
        } catch (EmptyArticleException e) {
            return scorer.predict(id, null, null);
        }
    }

    public static List<String> taskNames() {
        return TASKS.keySet().stream().sorted().toList();
    }
}

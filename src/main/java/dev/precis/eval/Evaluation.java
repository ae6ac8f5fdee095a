package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.ArticleRequest;
import dev.precis.api.Brief;
import dev.precis.api.Json;
import dev.precis.api.ProblemException;
import dev.precis.app.BriefService;
import dev.precis.engine.AnnotatedDocument;
import dev.precis.engine.EmbeddedEngine;
import dev.precis.engine.EmptyArticleException;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.util.zip.GZIPInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code precis eval TASK FILE --out PRED [--half A|B] [--engine llm|auto] [--replay DIR]}: runs the engine over a
 * JSONL file (title and text of each line as a request, default options), writes one prediction line per document,
 * and scores the predictions where the lines carry gold answers. The report counts the documents that got no brief
 * and, for the LLM engine, those that fell back to the embedded one.
 */
public final class Evaluation {

    public static final Map<String, Supplier<TaskScorer>> TASKS = Map.of(
            "summarization", SummarizationScorer::new,
            "keyphrases", KeyphraseScorer::new,
            "ner", NerScorer::new,
            "categories", CategoryScorer::new,
            "extraction", ExtractionScorer::new);

    private final EmbeddedEngine engine;
    private final BriefService service;
    /** Documents the service answered with a problem (an LLM that failed, a page with no text): empty predictions. */
    private int problems;
    /** Documents the {@code auto} engine answered with the embedded brief because the LLM gave none. */
    private int fallbacks;

    public Evaluation(EmbeddedEngine engine, BriefService service) {
        this.engine = engine;
        this.service = service;
    }

    /**
     * Returns the report: metrics (when gold was found), document count and throughput.
     *
     * @param half   only the rows of this half of the file ({@link Half}), or null for all
     * @param engine the engine option to send ({@code llm}, {@code auto}) through the whole service, or null for
     *               the embedded engine alone
     */
    public Map<String, Object> run(String task, Path input, Path output, Half half, String engine) throws IOException {
        problems = 0;
        fallbacks = 0;
        TaskScorer scorer = TASKS.get(task).get();
        int documents = 0;
        int scored = 0;
        long analysisNanos = 0;
        try (BufferedReader reader = open(input);
             BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode document = Json.parse(line);
                String id = document.path("id").asText(String.valueOf(documents));
                if (half != null && Half.of(id) != half) {
                    continue;
                }
                long started = System.nanoTime();
                ObjectNode prediction = predict(scorer, id, document, engine);
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
        if (half != null) {
            report.put("half", half.name());
        }
        if (engine != null) {
            report.put("engine", engine);
        }
        report.put("documents", documents);
        report.put("problems", problems);
        if (engine != null) {
            report.put("fallbacks", fallbacks);
        }
        report.put("docsPerSecond", Math.round(documents / Math.max(analysisNanos / 1e9, 1e-9) * 10) / 10.0);
        if (scored > 0) {
            report.put("metrics", scorer.metrics());
        } else {
            report.put("metrics", "skipped: the input has no gold answers for " + task);
        }
        return report;
    }

    private ObjectNode predict(TaskScorer scorer, String id, JsonNode line, String engineOption) {
        ArticleRequest request = scorer.request(id, line);
        if (engineOption != null) {
            request = request.withEngine(engineOption);
        }
        if (scorer.throughService() || engineOption != null) {
            try {
                Brief brief = service.analyze(request);
                if (engineOption != null && brief.engine().name().equals("embedded")) {
                    fallbacks++;
                }
                return scorer.predict(id, brief, null);
            } catch (ProblemException e) {
                problems++;
                return scorer.predict(id, null, null);
            }
        }
        try {
            AnnotatedDocument document = engine.annotate(request);
            Brief brief = engine.assemble(document, request, System.nanoTime());
            return scorer.predict(id, brief, document);
        } catch (EmptyArticleException e) {
            return scorer.predict(id, null, null);
        }
    }

    /** A JSONL file, gzipped when its name ends in {@code .gz}; strictly UTF-8. */
    private static BufferedReader open(Path input) throws IOException {
        InputStream in = Files.newInputStream(input);
        if (input.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    public static List<String> taskNames() {
        return TASKS.keySet().stream().sorted().toList();
    }
}

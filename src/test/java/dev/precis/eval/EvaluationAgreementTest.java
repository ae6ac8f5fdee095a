package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.SharedData;
import dev.precis.api.Json;
import dev.precis.app.AppFixture;
import dev.precis.engine.EngineFixture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The evaluation command's own metrics agree with the project's reference scorer (../shared/eval/score.py)
 * on a slice of each dev file. Skipped when ../shared or python3 is missing.
 */
class EvaluationAgreementTest {

    private static final int LINES = 60;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "summarization, rouge1, all.rouge1",
            "summarization, rougeLsum, all.rougeLsum",
            "keyphrases, F1@10, all.F1@10",
            "ner, F1, all.F1",
            "categories, accuracy, all.accuracy"})
    @SuppressWarnings("unchecked")
    void agreesWithTheReferenceScorer(String task, String scorerKey, String ourKey) throws Exception {
        Path dev = SharedData.require("data/" + task + "/dev.jsonl");
        Path scorer = SharedData.require("eval/score.py");
        Path gold = dir.resolve("gold.jsonl");
        try (var lines = Files.lines(dev, StandardCharsets.UTF_8)) {
            Files.write(gold, lines.limit(LINES).toList(), StandardCharsets.UTF_8);
        }
        Path predictions = dir.resolve("pred.jsonl");
        Map<String, Object> report = new Evaluation(EngineFixture.ENGINE, AppFixture.BRIEFS).run(task, gold, predictions, null, null);
        String[] path = ourKey.split("\\.");
        double ours = ((Number) ((Map<String, Object>) ((Map<String, Object>) report.get("metrics")).get(path[0]))
                .get(path[1])).doubleValue();

        JsonNode reference = referenceScore(scorer, task, gold, predictions);
        assertThat(ours).isCloseTo(reference.get(scorerKey).asDouble(), within(0.3));
    }

    /** The whole extraction dev file: the shingle F1 agrees within 0.1 and stays above the bar. */
    @org.junit.jupiter.api.Test
    @SuppressWarnings("unchecked")
    void extractionAgreesWithTheReferenceScorer() throws Exception {
        Path dev = SharedData.require("data/extraction/dev.jsonl.gz");
        Path scorer = SharedData.require("eval/score.py");
        Path predictions = dir.resolve("extraction.jsonl");
        Map<String, Object> report = new Evaluation(EngineFixture.ENGINE, AppFixture.BRIEFS).run("extraction", dev, predictions, null, null);
        double ours = ((Number) ((Map<String, Object>) report.get("metrics")).get("F1")).doubleValue();
        JsonNode reference = referenceScore(scorer, "extraction", dev, predictions);
        assertThat(ours).isCloseTo(reference.get("F1").asDouble(), within(0.1));
        assertThat(ours).isGreaterThanOrEqualTo(96.0);
        assertThat(Files.readAllLines(predictions)).hasSize(88);
    }

    private static JsonNode referenceScore(Path scorer, String task, Path gold, Path predictions) throws IOException,
            InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(List.of("python3", scorer.toString(), task, gold.toString(), predictions.toString()))
                    .redirectErrorStream(false).start();
        } catch (IOException e) {
            assumeTrue(false, "skipped: python3 is not installed, so the reference scorer cannot run");
            throw e;
        }
        String first = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return Json.parse(first);
    }
}

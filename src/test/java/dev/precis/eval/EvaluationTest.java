package dev.precis.eval;

import dev.precis.api.Json;
import dev.precis.app.AppFixture;
import dev.precis.engine.EngineFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationTest {

    @TempDir
    Path dir;

    @Test
    void writesOnePredictionPerLineAndSkipsMetricsWithoutGold() throws IOException {
        Path input = dir.resolve("in.jsonl");
        Files.write(input, List.of(
                "{\"id\":\"a\",\"title\":\"Cup final\",\"text\":\"The team won the cup final. The coach praised the players.\"}",
                "{\"id\":\"b\",\"text\":\"<p></p>\"}"));
        Path output = dir.resolve("out.jsonl");
        Map<String, Object> report = new Evaluation(EngineFixture.ENGINE, AppFixture.BRIEFS).run("categories", input, output, null, null);
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(2);
        assertThat(Json.parse(lines.get(0)).get("label").asText()).isEqualTo("sport");
        assertThat(report.get("documents")).isEqualTo(2);
        assertThat(report.get("metrics").toString()).startsWith("skipped");
    }

    @Test
    void scoresWhenGoldIsPresent() throws IOException {
        Path input = dir.resolve("gold.jsonl");
        Files.write(input, List.of(
                "{\"id\":\"a\",\"text\":\"Police said Maria Lopez left Madrid on Monday.\",\"entities\":"
                        + "[{\"text\":\"Maria Lopez\",\"type\":\"PER\"},{\"text\":\"Madrid\",\"type\":\"LOC\"}]}"));
        Map<String, Object> report = new Evaluation(EngineFixture.ENGINE, AppFixture.BRIEFS).run("ner", input, dir.resolve("p.jsonl"), null, null);
        assertThat(report.get("metrics").toString()).contains("F1=100.0");
    }

    @Test
    void aHalfKeepsTheRowsWhoseIdHashesIntoIt() throws IOException {
        // SHA-256("a") starts with "c" (half B), SHA-256("b") with "3" (half A).
        assertThat(Half.of("a")).isEqualTo(Half.B);
        assertThat(Half.of("b")).isEqualTo(Half.A);
        Path input = dir.resolve("both.jsonl");
        Files.write(input, List.of(
                "{\"id\":\"a\",\"text\":\"The council met on Tuesday to agree the budget for the coming year.\"}",
                "{\"id\":\"b\",\"text\":\"The striker scored twice as the home side won the league match.\"}"));
        Path output = dir.resolve("half.jsonl");
        Map<String, Object> report = new Evaluation(EngineFixture.ENGINE, AppFixture.BRIEFS).run("categories", input, output, Half.A, null);
        assertThat(report.get("documents")).isEqualTo(1);
        assertThat(report.get("half")).isEqualTo("A");
        assertThat(Files.readAllLines(output)).singleElement().satisfies(line -> assertThat(line).contains("\"id\":\"b\""));
    }
}

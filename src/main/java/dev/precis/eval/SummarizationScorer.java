package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Brief;
import dev.precis.engine.AnnotatedDocument;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Summaries: the brief's summary sentences joined by newlines, scored with ROUGE F1 per source. */
final class SummarizationScorer implements TaskScorer {

    private final Rouge rouge = new Rouge();
    private final Map<String, double[]> sums = new TreeMap<>();

    @Override
    public ObjectNode predict(String id, Brief brief, AnnotatedDocument document) {
        StringBuilder summary = new StringBuilder();
        if (brief != null) {
            brief.summary().sentences().forEach(s -> summary.append(summary.length() > 0 ? "\n" : "").append(s.text()));
        }
        return JsonNodeFactory.instance.objectNode().put("id", id).put("summary", summary.toString());
    }

    @Override
    public boolean hasGold(JsonNode line) {
        return line.hasNonNull("reference");
    }

    @Override
    public void add(JsonNode gold, JsonNode prediction) {
        Rouge.Scores scores = rouge.score(gold.get("reference").asText(), prediction.get("summary").asText());
        for (String group : Groups.of(gold)) {
            double[] sum = sums.computeIfAbsent(group, g -> new double[6]);
            sum[0] += scores.rouge1().f1();
            sum[1] += scores.rouge2().f1();
            sum[2] += scores.rougeL().f1();
            sum[3] += scores.rougeLsum().f1();
            sum[4] += prediction.get("summary").asText().split("\\s+").length;
            sum[5] += 1;
        }
    }

    @Override
    public Map<String, Object> metrics() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        sums.forEach((group, sum) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            double n = sum[5];
            m.put("rouge1", Metrics.percent(sum[0] / n));
            m.put("rouge2", Metrics.percent(sum[1] / n));
            m.put("rougeL", Metrics.percent(sum[2] / n));
            m.put("rougeLsum", Metrics.percent(sum[3] / n));
            m.put("summary_len_words", Math.round(sum[4] / n * 10) / 10.0);
            m.put("docs", (int) n);
            metrics.put(group, m);
        });
        return metrics;
    }
}

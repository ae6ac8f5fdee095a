package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Brief;
import dev.precis.engine.AnnotatedDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Categories: the best of the five IPTC topics that map to the BBC labels; scored by accuracy and
 * macro-F1 over the gold labels.
 */
final class CategoryScorer implements TaskScorer {

    /** Sorted by topic id, so ties between equal shares always resolve the same way. */
    static final Map<String, String> LABEL_OF_TOPIC = new TreeMap<>(Map.of(
            "medtop:04000000", "business",
            "medtop:01000000", "entertainment",
            "medtop:11000000", "politics",
            "medtop:15000000", "sport",
            "medtop:13000000", "tech"));

    private final List<String[]> pairs = new ArrayList<>();

    @Override
    public ObjectNode predict(String id, Brief brief, AnnotatedDocument document) {
        ObjectNode line = JsonNodeFactory.instance.objectNode().put("id", id);
        String best = null;
        double bestShare = 0;
        if (document != null) {
            for (Map.Entry<String, String> topic : LABEL_OF_TOPIC.entrySet()) {
                double share = document.topicShares().getOrDefault(topic.getKey(), 0.0);
                if (share > bestShare) {
                    best = topic.getValue();
                    bestShare = share;
                }
            }
        }
        return best == null ? line.putNull("label") : line.put("label", best);
    }

    @Override
    public boolean hasGold(JsonNode line) {
        return line.hasNonNull("label");
    }

    @Override
    public void add(JsonNode gold, JsonNode prediction) {
        pairs.add(new String[]{gold.get("label").asText(), prediction.path("label").asText("(none)")});
    }

    @Override
    public Map<String, Object> metrics() {
        TreeSet<String> labels = new TreeSet<>();
        pairs.forEach(p -> labels.add(p[0]));
        long correct = pairs.stream().filter(p -> p[0].equals(p[1])).count();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("accuracy", Metrics.percent((double) correct / Math.max(pairs.size(), 1)));
        double f1Sum = 0;
        Map<String, Object> perLabel = new LinkedHashMap<>();
        for (String label : labels) {
            long tp = pairs.stream().filter(p -> p[0].equals(label) && p[1].equals(label)).count();
            long predicted = pairs.stream().filter(p -> p[1].equals(label)).count();
            long expected = pairs.stream().filter(p -> p[0].equals(label)).count();
            double f1 = Metrics.f1(predicted == 0 ? 0 : (double) tp / predicted, (double) tp / expected);
            f1Sum += f1;
            perLabel.put("F1_" + label, Metrics.percent(f1));
        }
        all.put("macro_F1", Metrics.percent(f1Sum / Math.max(labels.size(), 1)));
        all.putAll(perLabel);
        all.put("docs", pairs.size());
        return Map.of("all", all);
    }
}

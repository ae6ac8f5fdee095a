package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Brief;
import dev.precis.engine.AnnotatedDocument;
import dev.precis.engine.Stems;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keyphrases: the brief's keyphrases in rank order, scored by stemmed exact match, macro-averaged over
 * documents; P@k divides by k, so a short list is padded with misses.
 */
final class KeyphraseScorer implements TaskScorer {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int[] KS = {5, 10};

    private final Map<String, double[]> sums = new TreeMap<>();

    @Override
    public ObjectNode predict(String id, Brief brief, AnnotatedDocument document) {
        ObjectNode line = JsonNodeFactory.instance.objectNode().put("id", id);
        ArrayNode phrases = line.putArray("keyphrases");
        if (brief != null) {
            brief.keyphrases().forEach(k -> phrases.add(k.text()));
        }
        return line;
    }

    @Override
    public boolean hasGold(JsonNode line) {
        return line.has("keyphrases") && line.get("keyphrases").size() > 0;
    }

    @Override
    public void add(JsonNode gold, JsonNode prediction) {
        List<String> goldKeys = new ArrayList<>();
        for (JsonNode phrase : gold.get("keyphrases")) {
            String key = normalize(phrase.asText());
            if (!key.isEmpty() && !goldKeys.contains(key)) {
                goldKeys.add(key);
            }
        }
        List<String> predicted = new ArrayList<>();
        for (JsonNode phrase : prediction.get("keyphrases")) {
            String key = normalize(phrase.asText());
            if (!key.isEmpty() && !predicted.contains(key)) {
                predicted.add(key);
            }
        }
        double[] scores = new double[KS.length * 3];
        for (int k = 0; k < KS.length; k++) {
            Set<String> top = new HashSet<>(predicted.subList(0, Math.min(KS[k], predicted.size())));
            long matched = goldKeys.stream().filter(top::contains).count();
            double p = (double) matched / KS[k];
            double r = (double) matched / goldKeys.size();
            scores[k * 3] = p;
            scores[k * 3 + 1] = r;
            scores[k * 3 + 2] = Metrics.f1(p, r);
        }
        for (String group : Groups.of(gold)) {
            double[] sum = sums.computeIfAbsent(group, g -> new double[KS.length * 3 + 1]);
            for (int i = 0; i < scores.length; i++) {
                sum[i] += scores[i];
            }
            sum[scores.length] += 1;
        }
    }

    private String normalize(String phrase) {
        Matcher words = WORD.matcher(Normalizer.normalize(phrase, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
        StringBuilder key = new StringBuilder();
        while (words.find()) {
            key.append(key.length() > 0 ? " " : "").append(Stems.of(words.group()));
        }
        return key.toString();
    }

    @Override
    public Map<String, Object> metrics() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        sums.forEach((group, sum) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            double n = sum[KS.length * 3];
            for (int k = 0; k < KS.length; k++) {
                m.put("P@" + KS[k], Metrics.percent(sum[k * 3] / n));
                m.put("R@" + KS[k], Metrics.percent(sum[k * 3 + 1] / n));
                m.put("F1@" + KS[k], Metrics.percent(sum[k * 3 + 2] / n));
            }
            m.put("docs", (int) n);
            metrics.put(group, m);
        });
        return metrics;
    }
}

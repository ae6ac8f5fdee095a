package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Brief;
import dev.precis.engine.AnnotatedDocument;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Named entities: every name and alias of each entity, typed PER, ORG or LOC; scored as per-document
 * sets of unique (type, normalized text) pairs, micro-averaged over documents.
 */
final class NerScorer implements TaskScorer {

    private static final List<String> TYPES = List.of("PER", "ORG", "LOC");
    private static final Map<String, String> CONLL_TYPES = Map.of("PERSON", "PER", "ORGANIZATION", "ORG", "LOCATION", "LOC",
            "PER", "PER", "ORG", "ORG", "LOC", "LOC");
    private static final String EDGE_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~‘’“”«»–—…·• ";

    private final Map<String, int[]> counts = new LinkedHashMap<>();

    @Override
    public ObjectNode predict(String id, Brief brief, AnnotatedDocument document) {
        ObjectNode line = JsonNodeFactory.instance.objectNode().put("id", id);
        ArrayNode entities = line.putArray("entities");
        if (brief != null) {
            for (Brief.Entity entity : brief.entities()) {
                String type = CONLL_TYPES.get(entity.type());
                entities.addObject().put("text", entity.name()).put("type", type);
                entity.aliases().forEach(alias -> entities.addObject().put("text", alias).put("type", type));
            }
        }
        return line;
    }

    @Override
    public boolean hasGold(JsonNode line) {
        return line.has("entities");
    }

    @Override
    public void add(JsonNode gold, JsonNode prediction) {
        Set<String> expected = pairs(gold.get("entities"));
        Set<String> found = pairs(prediction.get("entities"));
        for (String type : TYPES) {
            int[] c = counts.computeIfAbsent(type, t -> new int[3]);
            Set<String> g = ofType(expected, type);
            Set<String> p = ofType(found, type);
            c[1] += p.size();
            c[2] += g.size();
            p.retainAll(g);
            c[0] += p.size();
        }
    }

    private static Set<String> ofType(Set<String> pairs, String type) {
        Set<String> subset = new HashSet<>();
        pairs.stream().filter(p -> p.startsWith(type + "\t")).forEach(subset::add);
        return subset;
    }

    private static Set<String> pairs(JsonNode entities) {
        Set<String> pairs = new HashSet<>();
        for (JsonNode entity : entities) {
            String type = CONLL_TYPES.get(entity.path("type").asText().toUpperCase(Locale.ROOT));
            String text = normalize(entity.path("text").asText());
            if (type != null && !text.isEmpty()) {
                pairs.add(type + "\t" + text);
            }
        }
        return pairs;
    }

    /** NFKC, straight apostrophes, edge punctuation and a final possessive removed, case-folded. */
    static String normalize(String text) {
        String t = String.join(" ", Normalizer.normalize(text, Normalizer.Form.NFKC).replace('’', '\'').replace('‘', '\'')
                .trim().split("\\s+"));
        String previous = null;
        while (!t.equals(previous)) {
            previous = t;
            t = strip(t);
            if (t.length() > 2 && (t.toLowerCase(Locale.ROOT).endsWith("'s") || t.endsWith("'"))) {
                t = t.substring(0, t.lastIndexOf('\'')).stripTrailing();
            }
        }
        return t.toLowerCase(Locale.ROOT);
    }

    private static String strip(String t) {
        int start = 0;
        int end = t.length();
        while (start < end && EDGE_PUNCTUATION.indexOf(t.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && EDGE_PUNCTUATION.indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        return t.substring(start, end);
    }

    @Override
    public Map<String, Object> metrics() {
        int tp = 0;
        int predicted = 0;
        int expected = 0;
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> type : counts.entrySet()) {
            int[] c = type.getValue();
            tp += c[0];
            predicted += c[1];
            expected += c[2];
            metrics.put(type.getKey() + "_F1", Metrics.percent(f1(c[0], c[1], c[2])));
        }
        double p = predicted == 0 ? 0 : (double) tp / predicted;
        double r = expected == 0 ? 0 : (double) tp / expected;
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("P", Metrics.percent(p));
        all.put("R", Metrics.percent(r));
        all.put("F1", Metrics.percent(Metrics.f1(p, r)));
        all.putAll(metrics);
        return Map.of("all", all);
    }

    private static double f1(int tp, int predicted, int expected) {
        double p = predicted == 0 ? 0 : (double) tp / predicted;
        double r = expected == 0 ? 0 : (double) tp / expected;
        return Metrics.f1(p, r);
    }
}

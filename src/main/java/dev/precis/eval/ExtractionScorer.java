package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.ArticleOptions;
import dev.precis.api.ArticleRequest;
import dev.precis.api.Brief;
import dev.precis.api.Format;
import dev.precis.api.Json;
import dev.precis.engine.AnnotatedDocument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Main-content extraction: each line's page is posted as an HTML request, and the brief's text is scored
 * against the hand-made article body with the article-extraction benchmark's measure: 4-token shingles of
 * word tokens, precision and recall per page (true and false positives and negatives normalized to sum to
 * one), averaged over pages, F1 of the two averages; "exact" is the share of pages whose token sequence is
 * the same.
 */
final class ExtractionScorer implements TaskScorer {

    private static final int SHINGLE = 4;

    private double precisionSum;
    private double recallSum;
    private int precisionPages;
    private int recallPages;
    private int exact;
    private int pages;

    @Override
    public ArticleRequest request(String id, JsonNode line) {
        ArticleOptions defaults = ArticleOptions.defaults();
        ArticleOptions withText = new ArticleOptions(defaults.summarySentences(), defaults.keyPoints(), defaults.maxTags(),
                defaults.engine(), true);
        String url = line.path("url").asText("");
        return new ArticleRequest(id, null, line.path("html").asText(""), Format.HTML,
                url.startsWith("http://") || url.startsWith("https://") ? url : null, null, null, withText);
    }

    @Override
    public boolean throughService() {
        return true;
    }

    @Override
    public ObjectNode predict(String id, Brief brief, AnnotatedDocument document) {
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("id", id);
        line.put("text", brief == null || brief.text() == null ? "" : brief.text());
        return line;
    }

    @Override
    public boolean hasGold(JsonNode line) {
        return line.hasNonNull("articleBody");
    }

    @Override
    public void add(JsonNode gold, JsonNode prediction) {
        List<String> expected = words(gold.get("articleBody").asText(""));
        List<String> found = words(prediction.path("text").asText(""));
        Map<List<String>, Integer> truth = shingles(expected);
        Map<List<String>, Integer> guess = shingles(found);
        int overlap = 0;
        for (Map.Entry<List<String>, Integer> entry : truth.entrySet()) {
            overlap += Math.min(entry.getValue(), guess.getOrDefault(entry.getKey(), 0));
        }
        int truthTotal = total(truth);
        int guessTotal = total(guess);
        int falsePositives = guessTotal - overlap;
        int falseNegatives = truthTotal - overlap;
        int all = overlap + falsePositives + falseNegatives;
        double tp = all == 0 ? 0 : (double) overlap / all;
        double fp = all == 0 ? 0 : (double) falsePositives / all;
        double fn = all == 0 ? 0 : (double) falseNegatives / all;
        boolean nothingWrong = fp == 0 && fn == 0;
        if (tp + fp > 0) {
            precisionSum += nothingWrong ? 1 : tp / (tp + fp);
            precisionPages++;
        }
        if (tp + fn > 0) {
            recallSum += nothingWrong ? 1 : tp / (tp + fn);
            recallPages++;
        }
        if (expected.equals(found)) {
            exact++;
        }
        pages++;
    }

    @Override
    public Map<String, Object> metrics() {
        double precision = precisionPages == 0 ? 0 : precisionSum / precisionPages;
        double recall = recallPages == 0 ? 0 : recallSum / recallPages;
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("F1", Metrics.percent(Metrics.f1(precision, recall)));
        metrics.put("precision", Metrics.percent(precision));
        metrics.put("recall", Metrics.percent(recall));
        metrics.put("exact", Metrics.percent(pages == 0 ? 0 : (double) exact / pages));
        metrics.put("pages", pages);
        return metrics;
    }

    /** Word tokens as Python's {@code \w+} finds them: letters, numbers and underscores, split at marks. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            boolean word = i < text.length() && isWordCharacter(cp);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
            i += i < text.length() ? Character.charCount(cp) : 1;
        }
        return words;
    }

    private static boolean isWordCharacter(int cp) {
        if (cp == '_' || Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** Counts of each run of four words; a text shorter than that is one shorter shingle. */
    private static Map<List<String>, Integer> shingles(List<String> words) {
        Map<List<String>, Integer> counts = new HashMap<>();
        int last = Math.max(1, words.size() - SHINGLE + 1);
        for (int i = 0; i < last; i++) {
            List<String> shingle = words.subList(i, Math.min(words.size(), i + SHINGLE));
            if (!shingle.isEmpty()) {
                counts.merge(shingle, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static int total(Map<List<String>, Integer> counts) {
        int total = 0;
        for (int count : counts.values()) {
            total += count;
        }
        return total;
    }
}

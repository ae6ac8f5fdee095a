package dev.precis.engine.summary;

import dev.precis.engine.AnnotatedDocument;
import dev.precis.engine.PipelineStage;
import dev.precis.engine.Stems;
import dev.precis.engine.Words;
import dev.precis.engine.entity.EntityMention;
import dev.precis.engine.text.Tokenizer;
import dev.precis.engine.text.Tokens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ranks sentences for the summary, headline and key points. A sentence scores for centrality (cosine of its
 * word counts to the article's, and its summed Dice similarity to the other sentences), position (news puts
 * the point first), and the names and keyphrases it carries; very short or long sentences, bare quotes and
 * questions lose. The title does not vote: on the dev summaries every weight given to title overlap made
 * them worse, since the lead already says what the headline says. Selection is greedy with a light maximal
 * marginal relevance penalty; a sentence that nearly repeats one already chosen goes last.
 */
public final class SentenceRanker implements PipelineStage {

    private static final double LAMBDA = 0.95;
    /** A sentence this similar (cosine) to one already chosen says nothing new: it goes last. */
    private static final double NEAR_DUPLICATE = 0.6;
    // Weights tuned on the dev summaries (see README). Raw word counts, not tf-idf: the words a story
    // repeats are what it is about. The lead weighs more the longer the story: a short piece is all point,
    // a long one puts the point first and the background after.
    private static final double CENTROID_WEIGHT = 1.0;
    private static final double DEGREE_WEIGHT = 0.3;
    private static final double POSITION_WEIGHT = 0.35;
    private static final double NAMES_WEIGHT = 0.1;
    private static final double KEYPHRASES_WEIGHT = 0.05;
    private static final double BARE_QUOTE_PENALTY = 0.8;
    /** Stories of this many sentences get the position prior at its plain weight. */
    private static final double TYPICAL_SENTENCES = 25;
    private static final double LEAD_GROWTH = 2;
    /** Past twice the typical length (50 sentences) the lead is no surer a summary than it already was. */
    private static final double MAX_LEAD_GROWTH = 4;
    /** Degree centrality compares every sentence with at most this many others, so huge texts stay linear. */
    private static final int DEGREE_NEIGHBOURS = 100;
    private static final int SHORT_WORDS = 6;
    /**
     * Past this a sentence is long even for news and loses a little. Not earlier: a 40-50 word sentence often
     * carries the most facts, and on the dev summaries a 45-word limit cost more than it saved.
     */
    private static final int LONG_WORDS = 60;
    /** Past this a "sentence" is a list or a run-on that lost its punctuation; no reader wants it in a summary. */
    private static final int RUN_ON_WORDS = 90;
    /** Enough for the largest summary or key-point list a request may ask for. */
    static final int MAX_RANKED = 20;

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public void process(AnnotatedDocument document) {
        int n = document.sentences().size();
        List<Map<String, Double>> vectors = new ArrayList<>(n);
        int[] wordCounts = new int[n];
        Map<String, Double> centroid = new HashMap<>();
        for (int s = 0; s < n; s++) {
            Map<String, Double> counts = termCounts(document, s);
            wordCounts[s] = wordCount(document, s);
            vectors.add(counts);
            counts.forEach((term, count) -> centroid.merge(term, count, Double::sum));
        }
        double[] entityDensity = entityDensity(document);
        double[] degree = degreeCentrality(vectors);
        double[] keyphraseDensity = keyphraseDensity(document);
        double[] scores = new double[n];
        double centroidNorm = norm(centroid);
        double leadWeight = POSITION_WEIGHT * Math.min(MAX_LEAD_GROWTH, Math.pow(n / TYPICAL_SENTENCES, LEAD_GROWTH));
        for (int s = 0; s < n; s++) {
            double centrality = cosine(vectors.get(s), centroid, centroidNorm);
            double position = 1.0 / Math.sqrt(1.0 + s);
            double score = CENTROID_WEIGHT * centrality + DEGREE_WEIGHT * degree[s] + leadWeight * position
                    + NAMES_WEIGHT * entityDensity[s] + KEYPHRASES_WEIGHT * keyphraseDensity[s];
            scores[s] = score * penalty(document.sentenceText(s), wordCounts[s]);
        }
        document.setRankedSentences(mmr(vectors, scores));
    }

    /**
     * A sentence's content words, folded for plurals only: Porter stems (which keyphrases use) merge words
     * such as "general" and "generate", and on the dev summaries they chose worse sentences.
     */
    private static Map<String, Double> termCounts(AnnotatedDocument document, int sentence) {
        Map<String, Double> counts = new HashMap<>();
        Tokens tokens = document.tokens();
        for (int i = document.firstToken(sentence); i < document.endToken(sentence); i++) {
            if (tokens.kind(i) != Tokens.PUNCTUATION) {
                String lower = tokens.text(i).toLowerCase(Locale.ROOT);
                if (!document.isFunctionWord(lower)) {
                    counts.merge(Words.fold(lower), 1.0, Double::sum);
                }
            }
        }
        return counts;
    }

    private static int wordCount(AnnotatedDocument document, int sentence) {
        int words = 0;
        for (int i = document.firstToken(sentence); i < document.endToken(sentence); i++) {
            if (document.tokens().kind(i) != Tokens.PUNCTUATION) {
                words++;
            }
        }
        return words;
    }

    /** How much of the article's keyphrase weight each sentence carries, scaled so the best is 1. */
    private static double[] keyphraseDensity(AnnotatedDocument document) {
        int n = document.sentences().size();
        double[] density = new double[n];
        if (document.keyphrases().isEmpty()) {
            return density;
        }
        Tokens tokens = document.tokens();
        Map<String, Double> weightOfStem = new HashMap<>();
        for (var keyphrase : document.keyphrases()) {
            Tokens words = Tokenizer.tokenize(keyphrase.text());
            for (int i = 0; i < words.size(); i++) {
                weightOfStem.merge(Stems.of(words.text(i)), keyphrase.score(), Math::max);
            }
        }
        double max = 0;
        for (int s = 0; s < n; s++) {
            for (int i = document.firstToken(s); i < document.endToken(s); i++) {
                if (tokens.isWord(i)) {
                    density[s] += weightOfStem.getOrDefault(Stems.of(tokens.text(i)), 0.0);
                }
            }
            max = Math.max(max, density[s]);
        }
        for (int s = 0; s < n && max > 0; s++) {
            density[s] /= max;
        }
        return density;
    }

    private static double[] entityDensity(AnnotatedDocument document) {
        double[] density = new double[document.sentences().size()];
        for (EntityMention mention : document.mentions()) {
            density[mention.sentence()] += 1;
        }
        for (int s = 0; s < density.length; s++) {
            density[s] = Math.min(1.0, density[s] / 3.0);
        }
        return density;
    }

    private static double penalty(String sentence, int words) {
        double penalty = 1.0;
        if (words < SHORT_WORDS) {
            penalty *= 0.3;
        } else if (words > RUN_ON_WORDS) {
            penalty *= 0.3;
        } else if (words > LONG_WORDS) {
            penalty *= 0.8;
        }
        String trimmed = sentence.strip();
        if (isBareQuote(trimmed)) {
            penalty *= BARE_QUOTE_PENALTY;
        }
        if (trimmed.endsWith("?") || trimmed.endsWith(":")) {
            penalty *= 0.5;
        }
        return penalty;
    }

    /** A quotation with no attribution in the sentence: someone's words, not the story's facts. */
    private static boolean isBareQuote(String sentence) {
        if (sentence.length() < 2 || "\"“„«".indexOf(sentence.charAt(0)) < 0) {
            return false;
        }
        char last = sentence.charAt(sentence.length() - 1);
        return last == '"' || last == '”' || last == '“' || last == '»';
    }

    /** For each sentence, its summed Dice similarity to the others, scaled so the best is 1. */
    private static double[] degreeCentrality(List<Map<String, Double>> vectors) {
        int n = vectors.size();
        int neighbours = Math.min(n, DEGREE_NEIGHBOURS);
        double[] degree = new double[n];
        double max = 0;
        // Each pair once: a is always a neighbour of b; b counts for a only when it is one of the neighbours.
        for (int a = 0; a < neighbours; a++) {
            for (int b = a + 1; b < n; b++) {
                double similarity = dice(vectors.get(a).keySet(), vectors.get(b).keySet());
                degree[b] += similarity;
                if (b < neighbours) {
                    degree[a] += similarity;
                }
            }
        }
        for (double value : degree) {
            max = Math.max(max, value);
        }
        if (max > 0) {
            for (int a = 0; a < n; a++) {
                degree[a] /= max;
            }
        }
        return degree;
    }

    static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String t : a) {
            if (b.contains(t)) {
                shared++;
            }
        }
        return 2.0 * shared / (a.size() + b.size());
    }

    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        return cosine(a, b, norm(b));
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b, double normB) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Map<String, Double> smaller = a.size() <= b.size() ? a : b;
        Map<String, Double> larger = smaller == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> term : smaller.entrySet()) {
            Double other = larger.get(term.getKey());
            if (other != null) {
                dot += term.getValue() * other;
            }
        }
        return dot == 0 ? 0 : dot / (norm(a) * normB);
    }

    private static double norm(Map<String, Double> vector) {
        double sum = 0;
        for (double value : vector.values()) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }

    /** Greedy maximal marginal relevance; returns up to {@link #MAX_RANKED} sentence indexes, best first. */
    private static List<Integer> mmr(List<Map<String, Double>> vectors, double[] scores) {
        int n = scores.length;
        List<Integer> ranked = new ArrayList<>(n);
        boolean[] chosen = new boolean[n];
        double[] maxSimilarity = new double[n];
        for (int round = 0; round < Math.min(n, MAX_RANKED); round++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            boolean bestRepeats = true;
            for (int s = 0; s < n; s++) {
                if (chosen[s]) {
                    continue;
                }
                double value = LAMBDA * scores[s] - (1 - LAMBDA) * maxSimilarity[s];
                boolean repeats = maxSimilarity[s] >= NEAR_DUPLICATE;
                if (best < 0 || bestRepeats && !repeats || repeats == bestRepeats && value > bestValue) {
                    best = s;
                    bestValue = value;
                    bestRepeats = repeats;
                }
            }
            chosen[best] = true;
            ranked.add(best);
            for (int s = 0; s < n; s++) {
                if (!chosen[s]) {
                    maxSimilarity[s] = Math.max(maxSimilarity[s], cosine(vectors.get(s), vectors.get(best)));
                }
            }
        }
        return ranked;
    }
}

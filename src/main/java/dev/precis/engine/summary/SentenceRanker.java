package dev.precis.engine.summary;

import dev.precis.engine.AnnotatedDocument;
import dev.precis.engine.PipelineStage;
import dev.precis.engine.Words;
import dev.precis.engine.text.Tokens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ranks sentences for the summary, headline and key points with one position-aware centrality. A sentence
 * scores for how close it is to the whole story (cosine of its word counts to the article's), for what it
 * shares with the sentences that come after it (a story states its point, then elaborates on it: Zheng and
 * Lapata's directed centrality, counted in full, so the longer the elaboration the more the opening weighs),
 * and a little for opening the story. Sentences too short to say anything, too long to read, bare quotes and
 * questions lose. Selection is greedy with a light maximal marginal relevance penalty; a sentence that nearly
 * repeats one already chosen goes last.
 */
public final class SentenceRanker implements PipelineStage {

    private static final double LAMBDA = 0.95;
    /** A sentence this similar (cosine) to one already chosen says nothing new: it goes last. */
    private static final double NEAR_DUPLICATE = 0.6;
    // Weights fitted on half A of the dev summaries and kept because they held on half B (see README).
    private static final double CENTROID_WEIGHT = 1.0;
    /** Per unit of similarity to a later sentence; the sum grows with the story, so it is kept small. */
    private static final double FORWARD_WEIGHT = 0.2;
    private static final double OPENING_WEIGHT = 0.1;
    /** How fast the opening bonus fades, in sentences: the first two or three carry a news lead. */
    private static final double OPENING_SENTENCES = 2;
    private static final double BARE_QUOTE_PENALTY = 0.8;
    /** Directed centrality compares every sentence with at most this many others, so huge texts stay linear. */
    private static final int NEIGHBOURS = 100;
    private static final int SHORT_WORDS = 6;
    /**
     * Past this a sentence is long even for news (wire style aims at 20-30 words) and it fades, by a factor e
     * every {@link #LONG_FADE_WORDS} words more: a summary of three such sentences is a paragraph nobody skims.
     */
    private static final int LONG_WORDS = 40;
    private static final double LONG_FADE_WORDS = 20;
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
        Map<String, Integer> sentencesWith = new HashMap<>();
        for (int s = 0; s < n; s++) {
            Map<String, Double> counts = termCounts(document, s);
            wordCounts[s] = wordCount(document, s);
            vectors.add(counts);
            counts.forEach((term, count) -> centroid.merge(term, count, Double::sum));
            counts.keySet().forEach(term -> sentencesWith.merge(term, 1, Integer::sum));
        }
        double[] forward = forwardCentrality(weighted(vectors, sentencesWith));
        double centroidNorm = norm(centroid);
        double[] scores = new double[n];
        for (int s = 0; s < n; s++) {
            double score = CENTROID_WEIGHT * cosine(vectors.get(s), centroid, centroidNorm) + FORWARD_WEIGHT * forward[s]
                    + OPENING_WEIGHT * Math.exp(-s / OPENING_SENTENCES);
            scores[s] = score * penalty(document.sentenceText(s), wordCounts[s]);
        }
        document.setRankedSentences(mmr(vectors, scores));
    }

    /** Counts weighted by how few sentences use a word (its inverse sentence frequency), so shared filler does not link sentences. */
    private static List<Map<String, Double>> weighted(List<Map<String, Double>> vectors, Map<String, Integer> sentencesWith) {
        double n = vectors.size();
        List<Map<String, Double>> weighted = new ArrayList<>(vectors.size());
        for (Map<String, Double> counts : vectors) {
            Map<String, Double> vector = new HashMap<>();
            counts.forEach((term, count) -> vector.put(term, count * Math.log((n + 1) / sentencesWith.get(term))));
            weighted.add(vector);
        }
        return weighted;
    }

    /** For each sentence, its summed similarity to the sentences after it (at most {@link #NEIGHBOURS} of them). */
    private static double[] forwardCentrality(List<Map<String, Double>> vectors) {
        int n = vectors.size();
        double[] centrality = new double[n];
        for (int a = 0; a < n; a++) {
            double norm = norm(vectors.get(a));
            for (int b = a + 1; b < Math.min(n, a + 1 + NEIGHBOURS); b++) {
                centrality[a] += cosine(vectors.get(b), vectors.get(a), norm);
            }
        }
        return centrality;
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

    private static double penalty(String sentence, int words) {
        double penalty = 1.0;
        if (words < SHORT_WORDS || words > RUN_ON_WORDS) {
            penalty *= 0.3;
        } else if (words > LONG_WORDS) {
            penalty *= Math.exp(-(words - LONG_WORDS) / LONG_FADE_WORDS);
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

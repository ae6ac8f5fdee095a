package dev.precis.eval;

import dev.precis.engine.Stems;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * ROUGE-1, -2, -L and -Lsum F1 as Google's rouge-score computes them with stemming: lower-case, runs of
 * anything but [a-z0-9] split tokens, tokens longer than three letters are Porter-stemmed. ROUGE-Lsum
 * takes the union LCS of each reference line against all summary lines, counting each token once.
 */
final class Rouge {

    record Score(double precision, double recall, double f1) {
        static final Score ZERO = new Score(0, 0, 0);

        static Score of(double overlap, int predicted, int reference) {
            double p = overlap / Math.max(predicted, 1);
            double r = overlap / Math.max(reference, 1);
            return new Score(p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
        }
    }

    record Scores(Score rouge1, Score rouge2, Score rougeL, Score rougeLsum) {
    }


    Scores score(String reference, String prediction) {
        List<String> ref = tokens(reference);
        List<String> pred = tokens(prediction);
        return new Scores(ngrams(ref, pred, 1), ngrams(ref, pred, 2), lcs(ref, pred),
                lsum(lines(reference), lines(prediction)));
    }

    List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                word.append(c);
            } else if (word.length() > 0) {
                String token = word.toString();
                tokens.add(token.length() > 3 ? Stems.of(token) : token);
                word.setLength(0);
            }
        }
        return tokens;
    }

    private List<List<String>> lines(String text) {
        List<List<String>> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(tokens(line));
            }
        }
        return lines;
    }

    private static Score ngrams(List<String> ref, List<String> pred, int n) {
        Map<List<String>, Integer> refCounts = counts(ref, n);
        Map<List<String>, Integer> predCounts = counts(pred, n);
        int overlap = 0;
        for (Map.Entry<List<String>, Integer> gram : refCounts.entrySet()) {
            overlap += Math.min(gram.getValue(), predCounts.getOrDefault(gram.getKey(), 0));
        }
        return Score.of(overlap, Math.max(pred.size() - n + 1, 0), Math.max(ref.size() - n + 1, 0));
    }

    private static Map<List<String>, Integer> counts(List<String> tokens, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(tokens.subList(i, i + n), 1, Integer::sum);
        }
        return counts;
    }

    private static Score lcs(List<String> ref, List<String> pred) {
        if (ref.isEmpty() || pred.isEmpty()) {
            return Score.ZERO;
        }
        int[][] table = table(ref, pred);
        return Score.of(table[ref.size()][pred.size()], pred.size(), ref.size());
    }

    private static int[][] table(List<String> ref, List<String> pred) {
        int[][] t = new int[ref.size() + 1][pred.size() + 1];
        for (int i = 1; i <= ref.size(); i++) {
            for (int j = 1; j <= pred.size(); j++) {
                t[i][j] = ref.get(i - 1).equals(pred.get(j - 1)) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t;
    }

    /** Indexes into {@code ref} of one LCS, preferring, on ties, to move along the reference. */
    private static List<Integer> lcsIndexes(List<String> ref, List<String> pred) {
        int[][] t = table(ref, pred);
        List<Integer> indexes = new ArrayList<>();
        int i = ref.size();
        int j = pred.size();
        while (i > 0 && j > 0) {
            if (ref.get(i - 1).equals(pred.get(j - 1))) {
                indexes.add(i - 1);
                i--;
                j--;
            } else if (t[i][j - 1] > t[i - 1][j]) {
                j--;
            } else {
                i--;
            }
        }
        return indexes;
    }

    private static Score lsum(List<List<String>> refLines, List<List<String>> predLines) {
        int m = refLines.stream().mapToInt(List::size).sum();
        int n = predLines.stream().mapToInt(List::size).sum();
        if (m == 0 || n == 0) {
            return Score.ZERO;
        }
        Map<String, Integer> refBudget = new HashMap<>();
        Map<String, Integer> predBudget = new HashMap<>();
        refLines.forEach(line -> line.forEach(t -> refBudget.merge(t, 1, Integer::sum)));
        predLines.forEach(line -> line.forEach(t -> predBudget.merge(t, 1, Integer::sum)));
        int hits = 0;
        for (List<String> ref : refLines) {
            TreeSet<Integer> union = new TreeSet<>();
            for (List<String> pred : predLines) {
                union.addAll(lcsIndexes(ref, pred));
            }
            for (int index : union) {
                String token = ref.get(index);
                if (predBudget.getOrDefault(token, 0) > 0 && refBudget.getOrDefault(token, 0) > 0) {
                    hits++;
                    predBudget.merge(token, -1, Integer::sum);
                    refBudget.merge(token, -1, Integer::sum);
                }
            }
        }
        return Score.of(hits, n, m);
    }
}

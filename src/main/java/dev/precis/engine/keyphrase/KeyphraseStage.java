package dev.precis.engine.keyphrase;

import dev.precis.api.Brief;
import dev.precis.engine.AnnotatedDocument;
import dev.precis.engine.PipelineStage;
import dev.precis.engine.Words;
import dev.precis.engine.entity.EntityMention;
import dev.precis.engine.text.Tokens;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Statistical keyphrases: candidates are runs of up to four content words between stopwords and
 * punctuation; a candidate scores by how often it and its words occur and how early it first appears.
 * Names are left to the entity stage, and plural variants count as one phrase.
 */
public final class KeyphraseStage implements PipelineStage {

    static final int MAX_KEYPHRASES = 10;
    private static final int MAX_WORDS = 4;

    @Override
    public String name() {
        return "keyphrases";
    }

    @Override
    public void process(AnnotatedDocument document) {
        Tokens tokens = document.tokens();
        BitSet inName = namesCovered(document);
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        Map<String, Integer> wordCounts = new HashMap<>();
        for (int sentence = 0; sentence < document.sentences().size(); sentence++) {
            int runStart = -1;
            int end = document.endToken(sentence);
            for (int i = document.firstToken(sentence); i <= end; i++) {
                boolean content = i < end && isContentWord(tokens, i) && !inName.get(i);
                if (content && runStart < 0) {
                    runStart = i;
                } else if (!content && runStart >= 0) {
                    addRun(tokens, runStart, i, sentence, candidates, wordCounts);
                    runStart = -1;
                }
            }
        }
        List<Brief.Keyphrase> ranked = rank(candidates, wordCounts);
        document.setKeyphrases(ranked);
    }

    private static BitSet namesCovered(AnnotatedDocument document) {
        BitSet covered = new BitSet(document.tokens().size());
        Tokens tokens = document.tokens();
        for (EntityMention mention : document.mentions()) {
            for (int i = tokens.firstAtOrAfter(mention.span().start()); i < tokens.size()
                    && tokens.start(i) < mention.span().end(); i++) {
                covered.set(i);
            }
        }
        return covered;
    }

    private static boolean isContentWord(Tokens tokens, int i) {
        if (!tokens.isWord(i) || tokens.end(i) - tokens.start(i) < 2) {
            return false;
        }
        String word = tokens.text(i).toLowerCase(Locale.ROOT);
        return !Words.isStopword(word) && !word.equals("'s") && !word.equals("’s");
    }

    private static void addRun(Tokens tokens, int start, int end, int sentence, Map<String, Candidate> candidates,
                               Map<String, Integer> wordCounts) {
        if (end - start > MAX_WORDS) {
            return;
        }
        StringBuilder key = new StringBuilder();
        List<String> folded = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            String word = Words.fold(tokens.text(i));
            folded.add(word);
            wordCounts.merge(word, 1, Integer::sum);
            key.append(i > start ? " " : "").append(word);
        }
        Candidate candidate = candidates.computeIfAbsent(key.toString(), k -> new Candidate(folded, sentence));
        candidate.count++;
        candidate.surfaces.merge(surface(tokens, start, end), 1, Integer::sum);
    }

    private static String surface(Tokens tokens, int start, int end) {
        StringBuilder text = new StringBuilder();
        for (int i = start; i < end; i++) {
            text.append(i > start ? " " : "").append(tokens.text(i));
        }
        String phrase = text.toString();
        return Character.isUpperCase(phrase.charAt(0)) && phrase.length() > 1 && Character.isLowerCase(phrase.charAt(1))
                ? phrase.toLowerCase(Locale.ROOT) : phrase;
    }

    private static List<Brief.Keyphrase> rank(Map<String, Candidate> candidates, Map<String, Integer> wordCounts) {
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        for (Map.Entry<String, Candidate> entry : candidates.entrySet()) {
            Candidate candidate = entry.getValue();
            double wordWeight = 0;
            for (String word : candidate.words) {
                wordWeight += wordCounts.get(word);
            }
            wordWeight /= candidate.words.size();
            double position = 1.0 + 1.0 / (1.0 + candidate.firstSentence);
            double length = candidate.words.size() == 1 ? 0.8 : 1.0 + 0.15 * (candidate.words.size() - 1);
            double score = Math.sqrt(candidate.count) * wordWeight * position * length;
            scored.add(Map.entry(entry.getKey(), score));
        }
        scored.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        double best = scored.isEmpty() ? 1 : scored.get(0).getValue();
        List<Brief.Keyphrase> keyphrases = new ArrayList<>();
        for (Map.Entry<String, Double> entry : scored) {
            if (keyphrases.size() == MAX_KEYPHRASES) {
                break;
            }
            Candidate candidate = candidates.get(entry.getKey());
            String text = candidate.surfaces.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow().getKey();
            keyphrases.add(new Brief.Keyphrase(text, Math.round(entry.getValue() / best * 1000) / 1000.0));
        }
        return keyphrases;
    }

    private static final class Candidate {
        private final List<String> words;
        private final int firstSentence;
        private final Map<String, Integer> surfaces = new LinkedHashMap<>();
        private int count;

        Candidate(List<String> words, int firstSentence) {
            this.words = words;
            this.firstSentence = firstSentence;
        }
    }
}

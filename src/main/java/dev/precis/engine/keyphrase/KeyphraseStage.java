package dev.precis.engine.keyphrase;

import dev.precis.api.Brief;
import dev.precis.engine.AnnotatedDocument;
import dev.precis.engine.Lexicon;
import dev.precis.engine.PipelineStage;
import dev.precis.engine.Stems;
import dev.precis.engine.WordClasses;
import dev.precis.engine.entity.EntityType;
import dev.precis.engine.text.Tokens;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keyphrases in the manner of PositionRank and YAKE, without running a tagger: candidates are noun-phrase-like
 * runs of up to {@value #MAX_WORDS} words between stopwords, verbs, adverbs and punctuation, which must
 * end in a noun-like word; what a word can be comes from {@link WordClasses}, with suffix cues for words it
 * does not know. A person's name starts a run of its own ("coach Doc Rivers" gives "Doc Rivers") unless
 * it directly follows another name. A word
 * scores by how often and how early it occurs (and whether the title has it), counting double when it is
 * too specific for the dictionary to know; a phrase scores by its words, damped for length, and by how
 * often the phrase itself recurs. Phrases are compared by Porter stems, so "sanction" and "sanctions" are
 * one keyphrase, and a phrase inside one already chosen ("Times" after "New York Times") is not repeated.
 */
public final class KeyphraseStage implements PipelineStage {

    static final int MAX_KEYPHRASES = 10;
    private static final int MAX_WORDS = 3;
    private static final double LENGTH_DAMPING = 0.95;
    private static final double TITLE_BONUS = 2.0;
    /** A word in the first sentence counts this much extra, fading with each later sentence. */
    private static final double LEAD_BONUS = 3.0;
    /**
     * Weight of a lower-case word the POS dictionary does not know: the dictionary holds the common vocabulary
     * of a newspaper, so a word outside it ("diabetes", "endowment") is the story's own subject matter.
     */
    private static final double SPECIFIC_WORD_WEIGHT = 2.0;
    private static final int NOUN_LIKE = WordClasses.NOUN | WordClasses.PROPER_NOUN;
    private static final int PHRASE_CLASSES = NOUN_LIKE | WordClasses.ADJECTIVE | WordClasses.NUMBER;
    private static final Set<String> CONTRACTION_ENDINGS = Set.of("m", "ve", "re", "ll", "d");
    /**
     * Marks, in the per-token class array, a token the English dictionary is not asked about: a capitalized
     * word, a number or punctuation, or any word of a text in another language.
     */
    private static final int NOT_LOOKED_UP = -1;
    private static final Set<String> VERBS = verbForms(Lexicon.lines("verbs-en.txt"));
    private static final List<String> NON_FINAL_SUFFIXES = List.of("ing", "ed", "ly", "ous", "ful", "ive", "able",
            "ible", "less", "ish", "est");

    @Override
    public String name() {
        return "keyphrases";
    }

    @Override
    public void process(AnnotatedDocument document) {
        Tokens tokens = document.tokens();
        BitSet inName = namesCovered(document);
        BitSet personStarts = personNameStarts(document);
        int[] classes = lowerCaseWordClasses(tokens, document.isEnglish());
        Map<String, Double> wordScores = new HashMap<>();
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (int sentence = 0; sentence < document.sentences().size(); sentence++) {
            double position = 1.0 + LEAD_BONUS / (1.0 + sentence);
            int runStart = -1;
            int end = document.endToken(sentence);
            // The wire dateline says where the story was filed, not what it is about.
            int first = sentence == 0 ? tokens.firstAtOrAfter(document.opening().start())
                    : document.firstToken(sentence);
            for (int i = first; i <= end; i++) {
                boolean phraseWord = i < end && (inName.get(i) || isPhraseWord(document, classes, i));
                if (phraseWord) {
                    wordScores.merge(Stems.of(tokens.text(i)), position * weight(classes, i), Double::sum);
                }
                boolean runEnds = runStart >= 0 && (!phraseWord || !inName.get(i) && isGerund(tokens, classes, i)
                        || personStarts.get(i) && !inName.get(i - 1));
                if (runEnds) {
                    addCandidates(tokens, classes, inName, runStart, i, candidates);
                }
                if (runEnds || runStart < 0) {
                    runStart = phraseWord ? i : -1;
                }
            }
        }
        Tokens title = document.titleTokens();
        for (int i = 0; i < title.size(); i++) {
            wordScores.computeIfPresent(Stems.of(title.text(i)), (k, v) -> v + TITLE_BONUS);
        }
        document.setKeyphrases(rank(candidates, wordScores));
    }

    /**
     * Tokens inside the names of entities, which stay whole even where they hold a stopword ("New York") and
     * keep their capitals. Only names the entity stage kept count: a capitalized word it rejected is no name.
     */
    private static BitSet namesCovered(AnnotatedDocument document) {
        Tokens tokens = document.tokens();
        BitSet covered = new BitSet(tokens.size());
        for (Brief.Entity entity : document.entities()) {
            for (Brief.Span span : entity.spans()) {
                for (int i = tokens.firstAtOrAfter(span.start()); i < tokens.size() && tokens.start(i) < span.end(); i++) {
                    covered.set(i);
                }
            }
        }
        return covered;
    }

    /** The first token of each mention of a person. */
    private static BitSet personNameStarts(AnnotatedDocument document) {
        Tokens tokens = document.tokens();
        BitSet starts = new BitSet(tokens.size());
        for (Brief.Entity entity : document.entities()) {
            if (entity.type().equals(EntityType.PERSON.name())) {
                for (Brief.Span span : entity.spans()) {
                    starts.set(tokens.firstAtOrAfter(span.start()));
                }
            }
        }
        return starts;
    }

    /**
     * What each lower-case word of an English text can be, looked up once per document. Capitalized words are
     * {@link #NOT_LOOKED_UP}, since a capital (a name, or a sentence start) says more than the dictionary does.
     */
    private static int[] lowerCaseWordClasses(Tokens tokens, boolean english) {
        int[] classes = new int[tokens.size()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = english && tokens.kind(i) == Tokens.WORD && !tokens.isCapitalized(i)
                    ? WordClasses.of(tokens.text(i).toLowerCase(Locale.ROOT)) : NOT_LOOKED_UP;
        }
        return classes;
    }

    private static double weight(int[] classes, int i) {
        return classes[i] == WordClasses.UNKNOWN ? SPECIFIC_WORD_WEIGHT : 1.0;
    }

    private static boolean isPhraseWord(AnnotatedDocument document, int[] classes, int i) {
        Tokens tokens = document.tokens();
        if (tokens.kind(i) == Tokens.PUNCTUATION || tokens.end(i) - tokens.start(i) < 2) {
            return false;
        }
        String word = tokens.text(i).toLowerCase(Locale.ROOT);
        if (!document.isEnglish()) {
            return !document.isStopword(word);
        }
        // The verb list knows only verbs; the dictionary knows that "delays" and "attacks" are nouns as well.
        boolean verb = VERBS.contains(word);
        if (classes[i] != NOT_LOOKED_UP) {
            if (classes[i] != WordClasses.UNKNOWN && !WordClasses.can(classes[i], PHRASE_CLASSES)) {
                return false;
            }
            verb &= !(WordClasses.can(classes[i], NOUN_LIKE) && !followsSubject(tokens, classes, i));
        }
        // The -ly cue is for words the dictionary does not know: "family" and "supply" are nouns.
        boolean adverb = word.endsWith("ly") && (classes[i] == NOT_LOOKED_UP || classes[i] == WordClasses.UNKNOWN);
        return !document.isStopword(word) && !verb && !adverb && !isContraction(word) && !word.endsWith("-old");
    }

    /**
     * Whether the word before could be the subject of a verb: a name, a pronoun, or a plural before a verb
     * form without -s ("Olsen runs", "they pay", "fees rose"), where "ferry delays", "The attacks", "Iran's
     * attacks" and "news reports" read as nouns.
     */
    private static boolean followsSubject(Tokens tokens, int[] classes, int i) {
        if (i == 0 || tokens.kind(i - 1) != Tokens.WORD) {
            return false;
        }
        String word = tokens.text(i - 1);
        if (word.equals("'s") || word.equals("’s")) {
            return false;
        }
        int before = classes[i - 1];
        if (before == NOT_LOOKED_UP) {
            if (!isSentenceOpening(tokens, i - 1)) {
                return true;
            }
            // A capital that only opens the sentence: a name if the dictionary does not know the word.
            before = WordClasses.of(word.toLowerCase(Locale.ROOT));
            if (before == WordClasses.UNKNOWN) {
                return true;
            }
        }
        if (WordClasses.can(before, WordClasses.PRONOUN)) {
            return true;
        }
        return !tokens.text(i).endsWith("s") && word.endsWith("s") && !word.endsWith("ss")
                && !WordClasses.only(before, WordClasses.FUNCTION);
    }

    /** A pronoun with its verb ("I'm", "they've", "she'll"), a negation ("don't") or a lone possessive "'s". */
    private static boolean isContraction(String word) {
        int apostrophe = Math.max(word.lastIndexOf('\''), word.lastIndexOf('’'));
        return apostrophe >= 0 && CONTRACTION_ENDINGS.contains(word.substring(apostrophe + 1))
                || word.endsWith("n't") || word.endsWith("n’t") || word.equals("'s") || word.equals("’s");
    }

    /**
     * An -ing word after a content word starts a clause ("states gaining seats"), not a noun phrase, unless the
     * dictionary knows it as a noun ("state funding", "public housing").
     */
    private static boolean isGerund(Tokens tokens, int[] classes, int i) {
        return tokens.text(i).toLowerCase(Locale.ROOT).endsWith("ing") && !tokens.isCapitalized(i)
                && !(classes[i] != NOT_LOOKED_UP && WordClasses.can(classes[i], WordClasses.NOUN));
    }

    /** The run, trimmed to end in a noun-like word and cut to its last {@value #MAX_WORDS} words. */
    private static void addCandidates(Tokens tokens, int[] classes, BitSet inName, int start, int end,
                                      Map<String, Candidate> candidates) {
        while (end > start && !canEndPhrase(tokens, classes, end - 1)) {
            end--;
        }
        if (end == start) {
            return;
        }
        int phraseStart = Math.max(start, end - MAX_WORDS);
        if (tokens.kind(phraseStart) == Tokens.NUMBER && end - phraseStart == 1) {
            return;
        }
        add(tokens, inName, phraseStart, end, candidates);
    }

    private static boolean canEndPhrase(Tokens tokens, int[] classes, int i) {
        if (tokens.kind(i) != Tokens.WORD) {
            return false;
        }
        if (classes[i] == NOT_LOOKED_UP) {
            return true;
        }
        if (classes[i] != WordClasses.UNKNOWN) {
            return WordClasses.can(classes[i], NOUN_LIKE);
        }
        String word = tokens.text(i).toLowerCase(Locale.ROOT);
        for (String suffix : NON_FINAL_SUFFIXES) {
            if (word.endsWith(suffix) && word.length() > suffix.length() + 2) {
                return false;
            }
        }
        return true;
    }

    private static void add(Tokens tokens, BitSet inName, int start, int end, Map<String, Candidate> candidates) {
        StringBuilder key = new StringBuilder();
        List<String> words = new ArrayList<>(end - start);
        StringBuilder surface = new StringBuilder();
        for (int i = start; i < end; i++) {
            String stem = Stems.of(tokens.text(i));
            words.add(stem);
            key.append(i > start ? " " : "").append(stem);
            surface.append(i > start ? " " : "").append(inName.get(i) ? tokens.text(i) : displayForm(tokens, i));
        }
        Candidate candidate = candidates.computeIfAbsent(key.toString(), k -> new Candidate(words));
        candidate.count++;
        candidate.surfaces.merge(surface.toString(), 1, Integer::sum);
    }

    /** A common word capitalized only because it opens a sentence loses the capital (names keep theirs). */
    private static String displayForm(Tokens tokens, int i) {
        String word = tokens.text(i);
        boolean capitalizedCommonWord = word.length() > 1 && Character.isUpperCase(word.charAt(0))
                && word.substring(1).chars().allMatch(c -> !Character.isUpperCase(c))
                && isSentenceOpening(tokens, i);
        return capitalizedCommonWord ? word.toLowerCase(Locale.ROOT) : word;
    }

    private static boolean isSentenceOpening(Tokens tokens, int i) {
        return i == 0 || tokens.kind(i - 1) == Tokens.PUNCTUATION && ".!?\"“".contains(tokens.text(i - 1));
    }

    private static List<Brief.Keyphrase> rank(Map<String, Candidate> candidates, Map<String, Double> wordScores) {
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        for (Map.Entry<String, Candidate> entry : candidates.entrySet()) {
            Candidate candidate = entry.getValue();
            double words = 0;
            for (String word : candidate.words) {
                words += wordScores.getOrDefault(word, 0.0);
            }
            double score = words / Math.pow(candidate.words.size(), LENGTH_DAMPING) * (1 + Math.log(candidate.count));
            scored.add(Map.entry(entry.getKey(), score));
        }
        scored.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        double best = scored.isEmpty() ? 1 : scored.get(0).getValue();
        List<Brief.Keyphrase> keyphrases = new ArrayList<>();
        List<List<String>> chosenWords = new ArrayList<>();
        for (Map.Entry<String, Double> entry : scored) {
            if (keyphrases.size() == MAX_KEYPHRASES) {
                break;
            }
            Candidate candidate = candidates.get(entry.getKey());
            if (isPartOfAny(candidate.words, chosenWords)) {
                continue;
            }
            chosenWords.add(candidate.words);
            String text = candidate.surfaces.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow().getKey();
            keyphrases.add(new Brief.Keyphrase(text, Math.round(entry.getValue() / best * 1000) / 1000.0));
        }
        return keyphrases;
    }

    /** "Times" after "New York Times", "officials" after "Iranian officials": already said by a better keyphrase. */
    private static boolean isPartOfAny(List<String> words, List<List<String>> chosen) {
        for (List<String> phrase : chosen) {
            if (phrase.size() > words.size() && Collections.indexOfSubList(phrase, words) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The listed verbs with their regular -s, -es, -ed and -ing forms. */
    private static Set<String> verbForms(List<String> lines) {
        Set<String> forms = new HashSet<>();
        for (String line : lines) {
            for (String verb : line.split("\\s+")) {
                forms.add(verb);
            }
        }
        for (String verb : List.copyOf(forms)) {
            String stem = verb.endsWith("e") ? verb.substring(0, verb.length() - 1) : verb;
            forms.add(verb + "s");
            forms.add(verb.endsWith("y") && verb.length() > 2 && "aeiou".indexOf(verb.charAt(verb.length() - 2)) < 0
                    ? verb.substring(0, verb.length() - 1) + "ied" : stem + "ed");
            forms.add(stem + "ing");
            forms.add(verb.endsWith("y") ? verb.substring(0, verb.length() - 1) + "ies" : verb + "es");
        }
        return Set.copyOf(forms);
    }

    private static final class Candidate {
        private final List<String> words;
        private final Map<String, Integer> surfaces = new LinkedHashMap<>();
        private int count;

        Candidate(List<String> words) {
            this.words = words;
        }
    }
}

package dev.precis.engine.language;

import dev.precis.engine.Lexicon;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Words the statistical stages skip, per language; languages without a list get none. Function words
 * carry no content anywhere. Stopwords add, for English, the words every news story uses ("said", "year",
 * "two"): no keyphrase is made of them, yet a summary still counts them, because sentences that share them
 * with the rest of the story tend to carry its facts.
 */
public final class Stopwords {

    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "en", Lexicon.words("stopwords-en.txt"),
            "es", Lexicon.words("stopwords-es.txt"),
            "fr", Lexicon.words("stopwords-fr.txt"),
            "de", Lexicon.words("stopwords-de.txt"),
            "it", Lexicon.words("stopwords-it.txt"),
            "pt", Lexicon.words("stopwords-pt.txt"),
            "nl", Lexicon.words("stopwords-nl.txt"),
            "ru", Lexicon.words("stopwords-ru.txt"),
            "ar", Lexicon.words("stopwords-ar.txt"),
            "he", Lexicon.words("stopwords-he.txt"));

    private static final Map<String, Set<String>> STOPWORDS = Map.of(
            "en", union(FUNCTION_WORDS.get("en"), Lexicon.words("news-words-en.txt")));

    private Stopwords() {
    }

    public static Set<String> functionWords(String language) {
        return FUNCTION_WORDS.getOrDefault(language, Set.of());
    }

    /** Function words plus, where the language has a list, the generic vocabulary of news. */
    public static Set<String> of(String language) {
        return STOPWORDS.getOrDefault(language, functionWords(language));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}

package dev.precis.engine.language;

import dev.precis.engine.Lexicon;

import java.util.Map;
import java.util.Set;

/** Function words per language, for the statistical stages; languages without a list get none. */
public final class Stopwords {

    private static final Map<String, Set<String>> BY_LANGUAGE = Map.of(
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

    private Stopwords() {
    }

    public static Set<String> of(String language) {
        return BY_LANGUAGE.getOrDefault(language, Set.of());
    }
}

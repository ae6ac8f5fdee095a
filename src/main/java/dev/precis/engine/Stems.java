package dev.precis.engine;

import org.tartarus.snowball.ext.PorterStemmer;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Porter stems of lower-cased words, memoized for one document. Not thread-safe: each analysis makes its
 * own, which keeps the stemmer's internal buffer out of shared state.
 */
public final class Stems {

    private final PorterStemmer stemmer = new PorterStemmer();
    private final Map<String, String> cache = new HashMap<>();

    public String of(String word) {
        return cache.computeIfAbsent(word.toLowerCase(Locale.ROOT).replace('’', '\''), lower -> {
            stemmer.setCurrent(lower);
            stemmer.stem();
            return stemmer.getCurrent();
        });
    }
}

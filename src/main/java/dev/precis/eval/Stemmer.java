package dev.precis.eval;

import org.tartarus.snowball.ext.PorterStemmer;

import java.util.HashMap;
import java.util.Map;

/** The Porter stemmer (Lucene's Snowball port), memoized: evaluation stems the same words over and over. */
final class Stemmer {

    private final PorterStemmer porter = new PorterStemmer();
    private final Map<String, String> cache = new HashMap<>();

    String stem(String word) {
        return cache.computeIfAbsent(word, w -> {
            porter.setCurrent(w);
            porter.stem();
            return porter.getCurrent();
        });
    }
}

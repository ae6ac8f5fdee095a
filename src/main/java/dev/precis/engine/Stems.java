package dev.precis.engine;

import org.tartarus.snowball.ext.PorterStemmer;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Porter stems of lower-cased words. Stems are shared across analyses in a bounded cache, since a warm
 * function sees the same news vocabulary again and again; the stemmer itself keeps a buffer, so each
 * thread has its own.
 */
public final class Stems {

    private static final int CACHE_LIMIT = 200_000;
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final ThreadLocal<PorterStemmer> STEMMER = ThreadLocal.withInitial(PorterStemmer::new);

    private Stems() {
    }

    public static String of(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        String stem = CACHE.get(lower);
        if (stem == null) {
            PorterStemmer stemmer = STEMMER.get();
            stemmer.setCurrent(lower);
            stemmer.stem();
            stem = stemmer.getCurrent();
            if (CACHE.size() < CACHE_LIMIT) {
                CACHE.put(lower, stem);
            }
        }
        return stem;
    }
}

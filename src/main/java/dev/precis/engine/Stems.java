package dev.precis.engine;

import opennlp.tools.stemmer.snowball.SnowballStemmer;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Porter stems of lower-cased words. Stems are shared across analyses in a cache, since a warm function
 * sees the same news vocabulary again and again; the cache is bounded by the characters it holds, and long
 * tokens (URLs, run-together junk) are never kept, so hostile input cannot grow it. The stemmer itself
 * keeps a buffer, so each thread has its own.
 */
public final class Stems {

    /** About 16 MB of word and stem text; a news vocabulary fills a small part of it. */
    private static final long CACHE_BUDGET_CHARS = 8_000_000;
    /** Longer tokens are not dictionary words, and are stemmed each time they occur. */
    private static final int MAX_CACHED_WORD_CHARS = 40;
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final AtomicLong CACHED_CHARS = new AtomicLong();
    /** OpenNLP's Snowball port of the Porter algorithm (the same stems as Lucene's, without Lucene's 6 MB). */
    private static final ThreadLocal<SnowballStemmer> STEMMER =
            ThreadLocal.withInitial(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.PORTER));

    private Stems() {
    }

    public static String of(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        String stem = CACHE.get(lower);
        if (stem == null) {
            stem = STEMMER.get().stem(lower).toString();
            int cost = lower.length() + stem.length();
            // Racing threads may overshoot the budget by a few words; the bound still holds in practice.
            if (lower.length() <= MAX_CACHED_WORD_CHARS && CACHED_CHARS.get() + cost <= CACHE_BUDGET_CHARS
                    && CACHE.putIfAbsent(lower, stem) == null) {
                CACHED_CHARS.addAndGet(cost);
            }
        }
        return stem;
    }
}

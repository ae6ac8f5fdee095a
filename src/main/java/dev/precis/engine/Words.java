package dev.precis.engine;

import dev.precis.engine.language.Stopwords;

import java.util.Locale;
import java.util.Set;

/** Shared word-level helpers: the English stopword list and a light plural folding used to compare words. */
public final class Words {

    public static final Set<String> STOPWORDS = Stopwords.of("en");

    private Words() {
    }

    public static boolean isStopword(String lowerCaseWord) {
        return STOPWORDS.contains(lowerCaseWord);
    }

    /** Lower-cases and folds a regular English plural, so "sanctions" and "sanction" compare equal. */
    public static String fold(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        int n = lower.length();
        if (n > 4 && lower.endsWith("ies")) {
            return lower.substring(0, n - 3) + "y";
        }
        if (n > 3 && lower.endsWith("s") && !lower.endsWith("ss") && !lower.endsWith("us") && !lower.endsWith("is")) {
            return lower.substring(0, n - 1);
        }
        return lower;
    }
}

package dev.precis.engine.language;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells the language of a text: by script where a script is telling (Arabic, Hebrew, Cyrillic, Greek,
 * Han with or without kana, Hangul, Devanagari, Thai), else by which language's function words the
 * Latin-script text uses most. Returns "und" when there is too little to go on.
 */
public final class LanguageDetector {

    public static final String UNDETERMINED = "und";
    private static final int MAX_CHARS = 5_000;
    private static final int MIN_FUNCTION_WORDS = 2;
    private static final double SCRIPT_SHARE = 0.3;

    private static final Map<String, Set<String>> FUNCTION_WORDS = new LinkedHashMap<>();
    /** Scripts that name a language by themselves, in a fixed order so ties always resolve the same way. */
    private static final Map<Character.UnicodeScript, String> TELLING_SCRIPTS = new LinkedHashMap<>();

    static {
        for (String language : new String[]{"en", "es", "fr", "de", "it", "pt", "nl"}) {
            FUNCTION_WORDS.put(language, Stopwords.functionWords(language));
        }
        TELLING_SCRIPTS.put(Character.UnicodeScript.HAN, "zh");
        TELLING_SCRIPTS.put(Character.UnicodeScript.ARABIC, "ar");
        TELLING_SCRIPTS.put(Character.UnicodeScript.HEBREW, "he");
        TELLING_SCRIPTS.put(Character.UnicodeScript.CYRILLIC, "ru");
        TELLING_SCRIPTS.put(Character.UnicodeScript.GREEK, "el");
        TELLING_SCRIPTS.put(Character.UnicodeScript.HANGUL, "ko");
        TELLING_SCRIPTS.put(Character.UnicodeScript.DEVANAGARI, "hi");
        TELLING_SCRIPTS.put(Character.UnicodeScript.THAI, "th");
    }

    public String detect(String text) {
        int limit = Math.min(text.length(), MAX_CHARS);
        Map<Character.UnicodeScript, Integer> scripts = new LinkedHashMap<>();
        int letters = 0;
        for (int i = 0; i < limit; ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
                scripts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum);
            }
            i += Character.charCount(cp);
        }
        if (letters == 0) {
            return UNDETERMINED;
        }
        int kana = scripts.getOrDefault(Character.UnicodeScript.HIRAGANA, 0)
                + scripts.getOrDefault(Character.UnicodeScript.KATAKANA, 0);
        if (kana > letters * 0.05) {
            return "ja";
        }
        String telling = null;
        int tellingLetters = (int) (letters * SCRIPT_SHARE);
        for (Map.Entry<Character.UnicodeScript, String> script : TELLING_SCRIPTS.entrySet()) {
            int count = scripts.getOrDefault(script.getKey(), 0);
            if (count > tellingLetters) {
                telling = script.getValue();
                tellingLetters = count;
            }
        }
        return telling != null ? telling : byFunctionWords(text.substring(0, limit));
    }

    private static String byFunctionWords(String text) {
        Map<String, Integer> hits = new LinkedHashMap<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
            for (Map.Entry<String, Set<String>> language : FUNCTION_WORDS.entrySet()) {
                if (language.getValue().contains(word)) {
                    hits.merge(language.getKey(), 1, Integer::sum);
                }
            }
        }
        return hits.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_FUNCTION_WORDS)
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(UNDETERMINED);
    }
}

package dev.precis.deliver.cms;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Tag names as a CMS compares them: case, accents, spacing and a plural ending do not make a different tag
 * ("Ferries" is the site's "ferry", "Médecins" its "medecins").
 */
public final class TagNames {

    private TagNames() {
    }

    public static String key(String name) {
        String folded = Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").replaceAll("[\\s_-]+", " ");
        String[] words = folded.split(" ");
        words[words.length - 1] = singular(words[words.length - 1]);
        return String.join(" ", words);
    }

    /** The singular of an English plural, for comparison only ("ferries" → "ferry", "taxes" → "tax"). */
    static String singular(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 4 && (word.endsWith("ches") || word.endsWith("shes") || word.endsWith("xes")
                || word.endsWith("sses") || word.endsWith("zes"))) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    public static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }
}

package dev.precis.engine.text;

/**
 * Splits text into words, numbers and punctuation. A word keeps inner apostrophes, hyphens and dots
 * ("don't", "Trump-Vance", "U.S."), but an English possessive ("Iran's") becomes its own token so the
 * name before it can be recognized.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    public static Tokens tokenize(String text) {
        Tokens tokens = new Tokens(text);
        int length = text.length();
        int i = 0;
        while (i < length) {
            int cp = text.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                i += Character.charCount(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                i = word(text, i, tokens);
            } else {
                int end = i + Character.charCount(cp);
                tokens.add(i, end, Tokens.PUNCTUATION);
                i = end;
            }
        }
        return tokens;
    }

    private static int word(String text, int start, Tokens tokens) {
        int length = text.length();
        int i = start;
        boolean letters = false;
        while (i < length) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
                letters |= Character.isLetter(cp);
                i += Character.charCount(cp);
            } else if (isJoiner(text, i)) {
                i += 1;
            } else {
                break;
            }
        }
        if (i < length && text.charAt(i) == '.' && isDottedAbbreviation(text, start, i)) {
            i++;
        }
        int possessive = possessiveStart(text, start, i);
        int kind = letters ? Tokens.WORD : Tokens.NUMBER;
        if (possessive > start) {
            tokens.add(start, possessive, kind);
            tokens.add(possessive, i, Tokens.WORD);
        } else {
            tokens.add(start, i, kind);
        }
        return i;
    }

    /** Punctuation that stays inside a word when a letter or digit follows: "don't", "U.S", "1,000". */
    private static boolean isJoiner(String text, int i) {
        if (i + 1 >= text.length() || !Character.isLetterOrDigit(text.codePointAt(i + 1))) {
            return false;
        }
        char c = text.charAt(i);
        if (c == ',') {
            return Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
        }
        return c == '\'' || c == '’' || c == '-' || c == '‐' || c == '.';
    }

    /** "U.S" followed by "." is "U.S.": single letters separated by dots. */
    private static boolean isDottedAbbreviation(String text, int start, int end) {
        int dots = 0;
        for (int p = start; p < end; p++) {
            if (text.charAt(p) == '.') {
                dots++;
            }
        }
        return dots > 0 && end - start == dots * 2 + 1;
    }

    private static int possessiveStart(String text, int start, int end) {
        if (end - start > 2 && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')) {
            char apostrophe = text.charAt(end - 2);
            if (apostrophe == '\'' || apostrophe == '’') {
                return end - 2;
            }
        }
        return -1;
    }
}

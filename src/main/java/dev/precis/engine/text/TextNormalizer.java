package dev.precis.engine.text;

import java.text.Normalizer;

/**
 * Cleans one paragraph: NFC, unpaired surrogates replaced, control and zero-width characters dropped,
 * every run of white space folded to one space. The output is what all offsets in a brief refer to.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String normalizeParagraph(CharSequence raw) {
        String repaired = repairSurrogates(raw);
        String composed = Normalizer.isNormalized(repaired, Normalizer.Form.NFC)
                ? repaired : Normalizer.normalize(repaired, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < composed.length(); i++) {
            char c = composed.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
            } else if (!isInvisible(c)) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private static boolean isInvisible(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT && c != '\u200D'
                || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF';
    }

    private static String repairSurrogates(CharSequence raw) {
        StringBuilder out = null;
        int length = raw.length();
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            boolean broken = Character.isHighSurrogate(c)
                    ? i + 1 >= length || !Character.isLowSurrogate(raw.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(raw.charAt(i - 1)));
            if (broken && out == null) {
                out = new StringBuilder(length).append(raw, 0, i);
            }
            if (out != null) {
                out.append(broken ? '\uFFFD' : c);
            }
        }
        return out == null ? raw.toString() : out.toString();
    }
}

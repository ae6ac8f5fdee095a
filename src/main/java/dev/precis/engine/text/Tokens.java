package dev.precis.engine.text;

import java.util.Arrays;

/**
 * The tokens of a text, kept as parallel int arrays rather than one object per token, so that tokenizing
 * a long article allocates a handful of arrays instead of thousands of objects.
 */
public final class Tokens {

    public static final int WORD = 1;
    public static final int NUMBER = 2;
    public static final int PUNCTUATION = 3;

    private final String text;
    private int[] starts = new int[256];
    private int[] ends = new int[256];
    private int[] kinds = new int[256];
    private int size;

    Tokens(String text) {
        this.text = text;
    }

    void add(int start, int end, int kind) {
        if (size == starts.length) {
            int capacity = size * 2;
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            kinds = Arrays.copyOf(kinds, capacity);
        }
        starts[size] = start;
        ends[size] = end;
        kinds[size] = kind;
        size++;
    }

    public int size() {
        return size;
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    public int kind(int i) {
        return kinds[i];
    }

    public boolean isWord(int i) {
        return kinds[i] == WORD;
    }

    public String text(int i) {
        return text.substring(starts[i], ends[i]);
    }

    public char firstChar(int i) {
        return text.charAt(starts[i]);
    }

    public boolean isCapitalized(int i) {
        return kinds[i] == WORD && Character.isUpperCase(text.codePointAt(starts[i]));
    }

    /** Whether the word is written entirely in capitals, like an acronym or a shouted headline. */
    public boolean isAllCaps(int i) {
        if (kinds[i] != WORD) {
            return false;
        }
        boolean letters = false;
        for (int p = starts[i]; p < ends[i]; p++) {
            char c = text.charAt(p);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letters |= Character.isLetter(c);
        }
        return letters;
    }

    /** The first token whose start is at or after {@code offset}. */
    public int firstAtOrAfter(int offset) {
        int index = Arrays.binarySearch(starts, 0, size, offset);
        return index >= 0 ? index : -index - 1;
    }
}

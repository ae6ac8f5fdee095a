package dev.precis.engine.text;

/** A half-open range [start, end) of UTF-16 offsets into the normalized text. */
public record TextSpan(int start, int end) {

    public TextSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    public String of(String text) {
        return text.substring(start, end);
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}

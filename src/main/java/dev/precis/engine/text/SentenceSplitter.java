package dev.precis.engine.text;

import java.util.List;

/** Finds sentence boundaries inside one paragraph of the normalized text. */
public interface SentenceSplitter {

    /** Sentences of {@code text[paragraph.start, paragraph.end)}, as spans into {@code text}, in order. */
    List<TextSpan> split(String text, TextSpan paragraph);
}

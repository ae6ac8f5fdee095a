package dev.precis.engine.text;

import dev.precis.api.Format;

import java.util.List;

/**
 * The article after markup removal and cleaning: paragraphs joined by a blank line, with their spans.
 *
 * @param format          the format the body was read as (never AUTO)
 * @param boilerplateDropped how many paragraphs were dropped as page furniture
 */
public record NormalizedBody(String text, List<TextSpan> paragraphs, Format format, int boilerplateDropped) {

    public boolean isEmpty() {
        return paragraphs.isEmpty();
    }
}

package dev.precis.engine.text;

import java.util.List;

/** Turns a body written in one format into its paragraphs, still un-normalized. */
public interface ParagraphSource {

    List<String> paragraphs(String body);
}

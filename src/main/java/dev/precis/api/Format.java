package dev.precis.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the article body is written. AUTO asks the engine to tell HTML and Markdown from plain text. */
public enum Format {
    TEXT, HTML, MARKDOWN, AUTO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Format> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst();
    }

    public static String acceptedNames() {
        return String.join(", ", Arrays.stream(values()).map(Format::wireName).toList());
    }
}

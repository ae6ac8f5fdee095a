package dev.precis.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Word lists written for this project, read from {@code src/main/resources/lexicons}. */
public final class Lexicon {

    private Lexicon() {
    }

    /** Every white-space separated word of the file, lower-cased. */
    public static Set<String> words(String name) {
        Set<String> words = new HashSet<>();
        for (String line : lines(name)) {
            for (String word : line.split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return Set.copyOf(words);
    }

    /** One entry per line, lower-cased; entries may hold spaces ("new york"). */
    public static Set<String> phrases(String name) {
        Set<String> phrases = new HashSet<>();
        for (String line : lines(name)) {
            phrases.add(line.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(phrases);
    }

    /** The lines of each {@code [section]} of the file, in order; lines before the first section are not read. */
    public static Map<String, List<String>> sections(String name) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : lines(name)) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1).strip(), k -> new ArrayList<>());
            } else if (current != null) {
                current.add(line.toLowerCase(Locale.ROOT));
            }
        }
        sections.replaceAll((section, lines) -> List.copyOf(lines));
        return sections;
    }

    /** The non-blank, non-comment lines of the file, trimmed. */
    public static List<String> lines(String name) {
        String resource = "/lexicons/" + name;
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing lexicon " + resource);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(trimmed);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.precis.engine.topic;

import dev.precis.engine.Lexicon;

import java.util.LinkedHashMap;
import java.util.Map;

/** The 17 top-level IPTC Media Topics, code to English label, as lexicons/topics.txt lists them. */
public final class MediaTopics {

    private static final Map<String, String> LABELS = load();

    private MediaTopics() {
    }

    public static Map<String, String> labels() {
        return LABELS;
    }

    private static Map<String, String> load() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String line : Lexicon.lines("topics.txt")) {
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                labels.put(line.substring(1, close), line.substring(close + 1).strip());
            }
        }
        return java.util.Collections.unmodifiableMap(labels);
    }
}

package dev.precis.engine.topic;

import dev.precis.api.Brief;
import dev.precis.engine.AnnotatedDocument;
import dev.precis.engine.Lexicon;
import dev.precis.engine.PipelineStage;
import dev.precis.engine.text.Tokens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores the 17 top-level IPTC Media Topics by how many of each topic's signal words the article uses
 * (lexicons/topics.txt, each group with its reason), counting title words double. A score is the topic's share of all signal words found, so scores sum to
 * at most one; topics under {@link #MIN_SHARE} are not reported, nor anything for a text with too few signals.
 */
public final class TopicStage implements PipelineStage {

    private static final double MIN_SHARE = 0.12;
    private static final int MAX_TOPICS = 3;
    private static final double MIN_SIGNALS = 2;
    private static final double TITLE_WEIGHT = 2;

    private final List<TopicDefinition> topics = new ArrayList<>();
    private final Map<String, List<Signal>> exact = new HashMap<>();
    private final Map<String, List<Signal>> prefixes = new HashMap<>();
    private int longestPrefix;

    public TopicStage() {
        for (String line : Lexicon.lines("topics.txt")) {
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                topics.add(new TopicDefinition(line.substring(1, close), line.substring(close + 1).strip()));
                continue;
            }
            int index = topics.size() - 1;
            for (String entry : line.split("\\s+")) {
                int equals = entry.indexOf('=');
                String word = equals < 0 ? entry : entry.substring(0, equals);
                Signal signal = new Signal(index, equals < 0 ? 1.0 : Double.parseDouble(entry.substring(equals + 1)));
                if (word.endsWith("*")) {
                    String prefix = word.substring(0, word.length() - 1);
                    prefixes.computeIfAbsent(prefix, k -> new ArrayList<>()).add(signal);
                    longestPrefix = Math.max(longestPrefix, prefix.length());
                } else {
                    exact.computeIfAbsent(word, k -> new ArrayList<>()).add(signal);
                }
            }
        }
    }

    @Override
    public String name() {
        return "topics";
    }

    @Override
    public void process(AnnotatedDocument document) {
        double[] signals = new double[topics.size()];
        count(document.tokens(), 1, signals);
        count(document.titleTokens(), TITLE_WEIGHT, signals);
        double total = 0;
        for (double signal : signals) {
            total += signal;
        }
        Map<String, Double> shares = new HashMap<>();
        for (int i = 0; i < topics.size(); i++) {
            shares.put(topics.get(i).id(), total == 0 ? 0 : signals[i] / total);
        }
        document.setTopicShares(shares);
        if (total < MIN_SIGNALS) {
            return;
        }
        List<Brief.Topic> found = new ArrayList<>();
        for (int i = 0; i < topics.size(); i++) {
            double share = signals[i] / total;
            if (share >= MIN_SHARE) {
                found.add(new Brief.Topic(topics.get(i).id(), topics.get(i).label(), Math.round(share * 1000) / 1000.0));
            }
        }
        found.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : a.id().compareTo(b.id()));
        document.setTopics(found.subList(0, Math.min(MAX_TOPICS, found.size())));
    }

    /** Adds each distinct signal word once, damped: 1 + ln(occurrences), times its weight. */
    private void count(Tokens tokens, double weight, double[] signals) {
        Map<String, Integer> occurrences = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.isWord(i)) {
                String word = tokens.text(i).toLowerCase(Locale.ROOT);
                occurrences.merge(word, 1, Integer::sum);
                // "box office" and "box-office" are one compound: a listed hyphenated entry matches both.
                if (i + 1 < tokens.size() && tokens.isWord(i + 1) && tokens.start(i + 1) - tokens.end(i) == 1) {
                    String compound = word + "-" + tokens.text(i + 1).toLowerCase(Locale.ROOT);
                    if (exact.containsKey(compound)) {
                        occurrences.merge(compound, 1, Integer::sum);
                    }
                }
            }
        }
        for (Map.Entry<String, Integer> word : occurrences.entrySet()) {
            List<Signal> hits = exact.get(word.getKey());
            if (hits == null) {
                hits = prefixHits(word.getKey());
            }
            if (hits != null) {
                double damped = 1 + Math.log(word.getValue());
                for (Signal signal : hits) {
                    signals[signal.topic()] += weight * signal.weight() * damped;
                }
            }
        }
    }

    /** The signals of the longest listed prefix of {@code word}, if any. */
    private List<Signal> prefixHits(String word) {
        for (int length = Math.min(word.length(), longestPrefix); length >= 2; length--) {
            List<Signal> hits = prefixes.get(word.substring(0, length));
            if (hits != null) {
                return hits;
            }
        }
        return null;
    }

    private record Signal(int topic, double weight) {
    }

    private record TopicDefinition(String id, String label) {
    }
}

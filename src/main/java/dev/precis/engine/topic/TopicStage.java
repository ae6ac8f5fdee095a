package dev.precis.engine.topic;

import dev.precis.api.Brief;
import dev.precis.engine.AnnotatedDocument;
import dev.precis.engine.Lexicon;
import dev.precis.engine.PipelineStage;
import dev.precis.engine.text.Tokenizer;
import dev.precis.engine.text.Tokens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores the 17 top-level IPTC Media Topics by how many of each topic's signal words the article uses,
 * counting title words double. A score is the topic's share of all signal words found, so scores sum to
 * at most one; topics under {@link #MIN_SHARE} are not reported, nor anything for a text with too few signals.
 */
public final class TopicStage implements PipelineStage {

    private static final double MIN_SHARE = 0.12;
    private static final int MAX_TOPICS = 3;
    private static final double MIN_SIGNALS = 2;
    private static final double TITLE_WEIGHT = 2;

    private final List<TopicDefinition> topics = new ArrayList<>();
    private final Map<String, List<Integer>> exact = new HashMap<>();
    private final Map<String, List<Integer>> prefixes = new HashMap<>();
    private int longestPrefix;

    public TopicStage() {
        for (String line : Lexicon.lines("iptc-topics.tsv")) {
            String[] columns = line.split("\t");
            int index = topics.size();
            topics.add(new TopicDefinition(columns[0], columns[1]));
            for (String word : columns[2].split(" ")) {
                if (word.endsWith("*")) {
                    String prefix = word.substring(0, word.length() - 1);
                    prefixes.computeIfAbsent(prefix, k -> new ArrayList<>()).add(index);
                    longestPrefix = Math.max(longestPrefix, prefix.length());
                } else {
                    exact.computeIfAbsent(word, k -> new ArrayList<>()).add(index);
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
        if (document.title() != null) {
            count(Tokenizer.tokenize(document.title()), TITLE_WEIGHT, signals);
        }
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

    private void count(Tokens tokens, double weight, double[] signals) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.isWord(i)) {
                continue;
            }
            String word = tokens.text(i).toLowerCase(Locale.ROOT);
            List<Integer> hits = exact.get(word);
            if (hits == null) {
                hits = prefixHits(word);
            }
            if (hits != null) {
                for (int topic : hits) {
                    signals[topic] += weight;
                }
            }
        }
    }

    /** The topics of the longest listed prefix of {@code word}, if any. */
    private List<Integer> prefixHits(String word) {
        for (int length = Math.min(word.length(), longestPrefix); length >= 2; length--) {
            List<Integer> hits = prefixes.get(word.substring(0, length));
            if (hits != null) {
                return hits;
            }
        }
        return null;
    }

    private record TopicDefinition(String id, String label) {
    }
}

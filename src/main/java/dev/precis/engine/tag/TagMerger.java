package dev.precis.engine.tag;

import dev.precis.api.Brief;
import dev.precis.engine.Words;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Merges entities, topics and keyphrases into the tags a CMS stores: one tag per thing ("Musk" folds
 * into "Elon Musk"), a keyphrase dropped when it only repeats a name, ranked by a score in [0, 1].
 * Entities lead because editors keep names; topics and keyphrases fill the rest.
 */
public final class TagMerger {

    private static final double ENTITY_BASE = 0.5;
    private static final double KEYPHRASE_BASE = 0.2;
    private static final double KEYPHRASE_SPAN = 0.5;
    private static final double TOPIC_WEIGHT = 0.9;

    public List<Brief.Tag> merge(List<Brief.Entity> entities, List<Brief.Topic> topics,
                                 List<Brief.Keyphrase> keyphrases, int maxTags) {
        List<Brief.Tag> tags = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        double topSalience = entities.stream().mapToDouble(Brief.Entity::salience).max().orElse(1);
        for (Brief.Entity entity : entities) {
            double score = ENTITY_BASE + (1 - ENTITY_BASE) * entity.salience() / topSalience;
            add(tags, taken, entity.name(), kind(entity.type()), score, names(entity));
        }
        for (Brief.Topic topic : topics) {
            add(tags, taken, topic.label(), "topic", TOPIC_WEIGHT * topic.score(), List.of(topic.label()));
        }
        for (Brief.Keyphrase keyphrase : keyphrases) {
            double score = KEYPHRASE_BASE + KEYPHRASE_SPAN * keyphrase.score();
            add(tags, taken, keyphrase.text(), "keyword", score, List.of(keyphrase.text()));
        }
        tags.sort(Comparator.comparingDouble(Brief.Tag::score).reversed().thenComparing(Brief.Tag::label));
        return List.copyOf(tags.subList(0, Math.min(maxTags, tags.size())));
    }

    private static void add(List<Brief.Tag> tags, Set<String> taken, String label, String kind, double score,
                            List<String> names) {
        String key = key(label);
        if (taken.contains(key)) {
            return;
        }
        for (String name : names) {
            taken.add(key(name));
        }
        tags.add(new Brief.Tag(label, kind, Math.round(score * 1000) / 1000.0));
    }

    private static List<String> names(Brief.Entity entity) {
        List<String> names = new ArrayList<>(entity.aliases());
        names.add(entity.name());
        return names;
    }

    private static String key(String label) {
        StringBuilder key = new StringBuilder();
        for (String word : label.toLowerCase(Locale.ROOT).split("\\s+")) {
            key.append(key.length() > 0 ? " " : "").append(Words.fold(word));
        }
        return key.toString();
    }

    private static String kind(String entityType) {
        return switch (entityType) {
            case "PERSON" -> "person";
            case "ORGANIZATION" -> "organization";
            case "LOCATION" -> "location";
            default -> "keyword";
        };
    }
}

package dev.precis.engine.entity;

import dev.precis.api.Brief;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Groups mentions into entities. A one-word name that ends exactly one longer name is an alias of it
 * ("Musk" of "Elon Musk", "Times" of "New York Times"); a name only ever seen once with nothing to say what
 * it is, is dropped rather than guessed. Salience weighs each mention by how early it comes.
 */
public final class EntityResolver {

    private static final double ROUNDING = 1000.0;

    public List<Brief.Entity> resolve(List<EntityMention> mentions) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (EntityMention mention : mentions) {
            if (!mention.derived()) {
                groups.computeIfAbsent(mention.text(), Group::new).mentions.add(mention);
            }
        }
        for (EntityMention mention : mentions) {
            Group country = groups.get(mention.text());
            if (mention.derived() && country != null) {
                country.mentions.add(mention);
            }
        }
        mergeAliases(groups);
        List<Group> kept = new ArrayList<>();
        double totalWeight = 0;
        for (Group group : groups.values()) {
            group.type = group.decideType();
            if (group.type != EntityType.UNKNOWN) {
                kept.add(group);
                totalWeight += group.weight();
            }
        }
        List<Brief.Entity> entities = new ArrayList<>(kept.size());
        for (Group group : kept) {
            double salience = Math.round(group.weight() / totalWeight * ROUNDING) / ROUNDING;
            entities.add(group.toEntity(salience));
        }
        entities.sort(Comparator.comparingDouble(Brief.Entity::salience).reversed()
                .thenComparing(Brief.Entity::name));
        return entities;
    }

    /**
     * Folds short names into the one long name they stand for: a surname ("Musk" of "Elon Musk", "Okafor"
     * after "Ms" is dropped), the first word of a name that is not a given name ("Goldman" of "Goldman Sachs",
     * and a family name written first, "Chen" of "Chen Jianguo"), and an acronym of the long name's capitals
     * ("WHO" of "World Health Organization"). Only when exactly one long name fits, and the types agree.
     */
    private static void mergeAliases(Map<String, Group> groups) {
        // "Port Authority of Valmora" is not who "Valmora" refers to: names built with "of" own no surname alias.
        Map<String, List<Group>> byLastWord = new HashMap<>();
        Map<String, List<Group>> byFirstWord = new HashMap<>();
        Map<String, List<Group>> byInitials = new HashMap<>();
        for (Group group : groups.values()) {
            String[] words = group.name.split(" ");
            if (words.length > 1 && !group.name.contains(" of ")) {
                byLastWord.computeIfAbsent(words[words.length - 1], w -> new ArrayList<>()).add(group);
                byFirstWord.computeIfAbsent(words[0], w -> new ArrayList<>()).add(group);
            }
            String initials = initials(words);
            if (initials.length() >= 2) {
                byInitials.computeIfAbsent(initials, w -> new ArrayList<>()).add(group);
            }
        }
        for (Group single : List.copyOf(groups.values())) {
            if (single.name.indexOf(' ') > 0) {
                continue;
            }
            EntityType type = single.explicitType();
            List<Group> owners = byLastWord.getOrDefault(single.name, List.of()).stream()
                    .filter(g -> compatible(g.explicitType(), type)).toList();
            boolean surname = owners.size() == 1;
            if (owners.isEmpty()) {
                owners = byFirstWord.getOrDefault(single.name, List.of()).stream()
                        .filter(g -> type == EntityType.UNKNOWN || g.explicitType() == type).toList();
            }
            if (owners.isEmpty() && single.name.equals(single.name.toUpperCase(java.util.Locale.ROOT))) {
                owners = byInitials.getOrDefault(single.name, List.of()).stream()
                        .filter(g -> compatible(g.explicitType(), type)).toList();
            }
            if (owners.size() == 1) {
                Group owner = owners.get(0);
                owner.mentions.addAll(single.mentions);
                owner.aliases.add(single.name);
                owner.surnameAlias |= surname;
                groups.remove(single.name);
            }
        }
    }

    /** The capitals of a name's words, connectors skipped: "World Health Organization" → "WHO". */
    private static String initials(String[] words) {
        StringBuilder initials = new StringBuilder();
        for (String word : words) {
            if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
                initials.append(word.charAt(0));
            }
        }
        return words.length > 1 ? initials.toString() : "";
    }

    private static boolean compatible(EntityType a, EntityType b) {
        return a == EntityType.UNKNOWN || b == EntityType.UNKNOWN || a == b;
    }

    private static final class Group {
        private final String name;
        private final List<EntityMention> mentions = new ArrayList<>();
        private final TreeSet<String> aliases = new TreeSet<>();
        private boolean surnameAlias;
        private EntityType type = EntityType.UNKNOWN;

        Group(String name) {
            this.name = name;
        }

        /** The type most mentions were given by a gazetteer or suffix, or UNKNOWN. */
        EntityType explicitType() {
            Map<EntityType, Integer> votes = new EnumMap<>(EntityType.class);
            for (EntityMention mention : mentions) {
                if (mention.type() != EntityType.UNKNOWN) {
                    votes.merge(mention.type(), 1, Integer::sum);
                }
            }
            return votes.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse(EntityType.UNKNOWN);
        }

        EntityType decideType() {
            EntityType explicit = explicitType();
            if (explicit != EntityType.UNKNOWN) {
                return explicit;
            }
            boolean cue = mentions.stream().anyMatch(EntityMention::personCue);
            if (cue || surnameAlias) {
                return EntityType.PERSON;
            }
            if (mentions.stream().anyMatch(EntityMention::placeCue)) {
                return EntityType.LOCATION;
            }
            if (name.indexOf(' ') > 0) {
                return looksLikePersonalName() ? EntityType.PERSON : EntityType.ORGANIZATION;
            }
            // A lone capitalized word that only ever opens sentences ("Sales", "Tries:") may be no name at all.
            boolean seenMidSentence = mentions.stream().anyMatch(m -> !m.opensSentence());
            return mentions.size() >= 2 && seenMidSentence ? EntityType.ORGANIZATION : EntityType.UNKNOWN;
        }

        private boolean looksLikePersonalName() {
            String[] words = name.split(" ");
            if (words.length > 3) {
                return false;
            }
            for (String word : words) {
                if (word.length() < 2 || !Character.isUpperCase(word.charAt(0)) || !word.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'')
                        || word.equals(word.toUpperCase(java.util.Locale.ROOT))) {
                    return false;
                }
            }
            return true;
        }

        double weight() {
            double weight = 0;
            for (EntityMention mention : mentions) {
                weight += 1.0 + 1.0 / (1 + mention.sentence());
            }
            return weight;
        }

        Brief.Entity toEntity(double salience) {
            List<Brief.Span> spans = mentions.stream()
                    .map(m -> new Brief.Span(m.span().start(), m.span().end()))
                    .sorted(Comparator.comparingInt(Brief.Span::start))
                    .toList();
            return new Brief.Entity(name, type.name(), mentions.size(), List.copyOf(aliases), salience, spans);
        }
    }
}

package dev.precis.deliver.cms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.Brief;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tags kept as a list of names in a content model's field (Strapi, Contentful, Sanity): the names already
 * there stay, the brief's join them when they match one of them or score above the threshold.
 */
final class ListField {

    private ListField() {
    }

    /**
     * The names the field should hold, or null when it already holds them all. The editor's names stay exactly as
     * they are, even two that compare the same ("Ferry" and "Ferries"); the brief's are added after them.
     */
    static List<String> wanted(JsonNode current, Brief brief, double newTagMinScore) {
        List<String> names = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        if (current != null && current.isArray()) {
            current.forEach(name -> {
                names.add(name.asText(""));
                keys.add(TagNames.key(name.asText("")));
            });
        }
        int before = names.size();
        for (Brief.Tag tag : brief.tags()) {
            if (tag.score() >= newTagMinScore && keys.add(TagNames.key(tag.label()))) {
                names.add(tag.label());
            }
        }
        return names.size() == before ? null : List.copyOf(names);
    }
}

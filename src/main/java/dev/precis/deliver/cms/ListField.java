package dev.precis.deliver.cms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.Brief;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags kept as a list of names in a content model's field (Strapi, Contentful, Sanity): the names already
 * there stay, the brief's join them when they match one of them or score above the threshold.
 */
final class ListField {

    private ListField() {
    }

    /** The names the field should hold, or null when it already holds them all. */
    static List<String> wanted(JsonNode current, Brief brief, double newTagMinScore) {
        Map<String, String> names = new LinkedHashMap<>();
        if (current != null && current.isArray()) {
            current.forEach(name -> names.put(TagNames.key(name.asText("")), name.asText("")));
        }
        int before = names.size();
        for (Brief.Tag tag : brief.tags()) {
            if (tag.score() >= newTagMinScore) {
                names.putIfAbsent(TagNames.key(tag.label()), tag.label());
            }
        }
        return names.size() == before ? null : List.copyOf(names.values());
    }
}

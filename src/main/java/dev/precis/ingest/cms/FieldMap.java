package dev.precis.ingest.cms;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a payload keeps each field of the article, as JSON Pointers tried in order (the first that holds a
 * value wins). Each CMS has defaults (../shared/cms/MAPPING.md); configuration replaces any of them with
 * one pointer ({@code precis.webhooks.<cms>.fields.body=/entry/content}).
 */
public record FieldMap(Map<String, List<String>> pointers) {

    /**
     * The fields a mapping may name: the article's, plus {@code slug} (joined to the site URL when there is
     * no {@code url}) and {@code status} (for senders whose payload says whether an item is published).
     */
    public static final List<String> FIELDS = List.of("id", "title", "body", "url", "slug", "publishedAt", "language", "status");

    public FieldMap {
        for (String field : pointers.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown article field \"" + field + "\"; fields are " + FIELDS);
            }
        }
        pointers = Map.copyOf(pointers);
    }

    public static FieldMap of(Object... fieldsAndPointers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndPointers.length; i += 2) {
            Object pointer = fieldsAndPointers[i + 1];
            @SuppressWarnings("unchecked")
            List<String> list = pointer instanceof List<?> l ? (List<String>) l : List.of((String) pointer);
            map.put((String) fieldsAndPointers[i], list);
        }
        return new FieldMap(map);
    }

    /** These pointers with configured ones in place of the defaults they name. */
    public FieldMap withOverrides(Map<String, String> overrides) {
        Map<String, List<String>> map = new LinkedHashMap<>(pointers);
        overrides.forEach((field, pointer) -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown article field \"" + field + "\"; fields are " + FIELDS);
            }
            try {
                JsonPointer.compile(pointer);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("\"" + pointer + "\" is not a JSON Pointer (for " + field + ")");
            }
            map.put(field, List.of(pointer));
        });
        return new FieldMap(map);
    }

    public boolean names(String field) {
        return pointers.containsKey(field);
    }

    /** The first value any of the field's pointers finds, or null. */
    public JsonNode find(JsonNode payload, String field) {
        for (String pointer : pointers.getOrDefault(field, List.of())) {
            JsonNode value = payload.at(pointer);
            if (!value.isMissingNode() && !value.isNull() && !(value.isTextual() && value.textValue().isBlank())) {
                return value;
            }
        }
        return null;
    }

    /** The field as text (a number becomes its decimal form), or null. */
    public String text(JsonNode payload, String field) {
        JsonNode value = find(payload, field);
        return value != null && value.isValueNode() ? value.asText() : null;
    }
}

package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The groups a gold line's scores count in: "all", and its {@code source} where the data names one. */
final class Groups {

    private Groups() {
    }

    static List<String> of(JsonNode gold) {
        String source = gold.path("source").asText("");
        return source.isEmpty() || source.equals("all") ? List.of("all") : List.of("all", source);
    }
}

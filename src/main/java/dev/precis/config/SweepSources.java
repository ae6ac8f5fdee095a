package dev.precis.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.Json;
import dev.precis.api.ProblemException;
import dev.precis.ingest.feed.FeedSource;

import java.util.ArrayList;
import java.util.List;

/** {@code precis.sweep.sources}: a JSON array of {@code {"name", "kind", "url", "key"?}}. */
final class SweepSources {

    private SweepSources() {
    }

    static List<FeedSource> parse(String json) {
        if (json.isBlank()) {
            return List.of();
        }
        JsonNode array;
        try {
            array = Json.parse(json);
        } catch (ProblemException e) {
            throw new IllegalArgumentException("precis.sweep.sources is not valid JSON: " + e.problem().detail());
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("precis.sweep.sources must be a JSON array of {name, kind, url}");
        }
        List<FeedSource> sources = new ArrayList<>();
        for (JsonNode source : array) {
            try {
                sources.add(FeedSource.fromJson(source));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("precis.sweep.sources: " + e.getMessage());
            }
        }
        return sources;
    }
}

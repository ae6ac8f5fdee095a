package dev.precis.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.FieldError;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import dev.precis.ingest.feed.FeedSource;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One scheduled sweep (SPEC §12): its sources, the window, and the time it was <em>scheduled</em> for, which
 * fixes the window so a replay selects the same items.
 *
 * @param maxInline how many due items may be analyzed in this run when there is no queue
 */
public record Sweep(List<FeedSource> sources, Duration window, Instant scheduledTime, int maxInline) {

    public Sweep {
        sources = List.copyOf(sources);
    }

    /**
     * The sweep an event asks for: an EventBridge rule's {@code Scheduled Event} (its {@code time} is the
     * scheduled time) or Scheduler's {@code {"sweep": {"sources", "window", "time"}}}; what the input gives wins
     * over the defaults from configuration.
     */
    public static Sweep fromEvent(JsonNode event, SweepDefaults defaults) {
        JsonNode input = event.path("sweep");
        List<FeedSource> sources = defaults.sources();
        if (input.has("sources")) {
            if (!input.get("sources").isArray()) {
                throw invalid("/sweep/sources", "must be an array of {name, kind, url}");
            }
            sources = new ArrayList<>();
            int index = 0;
            for (JsonNode source : input.path("sources")) {
                try {
                    sources.add(FeedSource.fromJson(source));
                } catch (IllegalArgumentException e) {
                    throw invalid("/sweep/sources/" + index, e.getMessage());
                }
                index++;
            }
        }
        Duration window = defaults.window();
        if (input.hasNonNull("window")) {
            try {
                window = Duration.parse(input.get("window").asText());
            } catch (DateTimeParseException e) {
                throw invalid("/sweep/window", "must be an ISO-8601 duration such as PT15M");
            }
            if (window.isNegative() || window.isZero()) {
                throw invalid("/sweep/window", "must be longer than zero");
            }
        }
        String time = input.hasNonNull("time") ? input.get("time").asText() : event.path("time").asText(null);
        Instant scheduled;
        try {
            scheduled = time == null ? Instant.now() : OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(input.hasNonNull("time") ? "/sweep/time" : "/time", "must be an RFC 3339 date-time");
        }
        return new Sweep(sources, window, scheduled, defaults.maxInline());
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.INVALID_REQUEST.problem("The sweep input is not valid.",
                List.of(new FieldError(field, message))));
    }
}

package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.FieldError;
import dev.precis.api.Json;
import dev.precis.api.Problem;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import dev.precis.app.Sweep;
import dev.precis.app.SweepDefaults;
import dev.precis.ingest.feed.FeedSource;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Scheduled sweeps (SPEC §5, §12): an EventBridge rule's {@code Scheduled Event} (its {@code time} is the
 * scheduled time; sources and window from configuration), or EventBridge Scheduler's input
 * {@code {"sweep": {"sources", "window", "time"}}}, where what the input gives wins. The answer is the run report.
 */
final class SweepAdapter implements EventAdapter {

    private final Services services;

    SweepAdapter(Services services) {
        this.services = services;
    }

    @Override
    public Outcome handle(JsonNode event) {
        long arrived = System.nanoTime();
        Sweep sweep = sweep(event, services.sweepDefaults());
        JsonNode report = services.sweeps().run(sweep, InvocationDeadline.workDeadline(arrived, services.invocationTimeout()));
        return new Outcome(report, 200);
    }

    static Sweep sweep(JsonNode event, SweepDefaults defaults) {
        JsonNode input = event.path("sweep");
        List<FeedSource> sources = defaults.sources();
        if (input.has("sources")) {
            sources = new ArrayList<>();
            int index = 0;
            for (JsonNode source : input.path("sources")) {
                try {
                    sources.add(new FeedSource(text(source, "name"), source.path("kind").asText(""), text(source, "url"),
                            text(source, "key")));
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

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.INVALID_REQUEST.problem("The sweep input is not valid.",
                List.of(new FieldError(field, message))));
    }

    @Override
    public Outcome answer(Problem problem, JsonNode event) {
        return new Outcome(Json.tree(problem), problem.status());
    }
}

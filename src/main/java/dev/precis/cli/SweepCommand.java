package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.Json;
import dev.precis.app.Sweep;
import dev.precis.app.SweepService;
import dev.precis.ingest.feed.FeedSource;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code precis sweep --source URL [--kind rss] [--key K] [--since T] [--until T]}: one source swept over
 * [since, until) (by default the last 24 hours), every due item analyzed and delivered as the function
 * would; the run report on stdout.
 */
final class SweepCommand {

    private static final Duration DEFAULT_SPAN = Duration.ofDays(1);

    private SweepCommand() {
    }

    static int run(Arguments arguments, SweepService sweeps, PrintStream out, PrintStream err) {
        String url = arguments.value("--source");
        if (url == null) {
            err.println(PrecisCli.USAGE);
            return 64;
        }
        Instant until;
        Instant since;
        try {
            until = arguments.value("--until") == null ? Instant.now() : OffsetDateTime.parse(arguments.value("--until")).toInstant();
            since = arguments.value("--since") == null ? until.minus(DEFAULT_SPAN)
                    : OffsetDateTime.parse(arguments.value("--since")).toInstant();
        } catch (DateTimeParseException e) {
            err.println(Json.write(PrecisCli.problem(2, "--since and --until take RFC 3339 times such as 2026-11-30T00:00:00Z")));
            return 2;
        }
        if (!since.isBefore(until)) {
            err.println(Json.write(PrecisCli.problem(2, "--since must be before --until")));
            return 2;
        }
        FeedSource source;
        try {
            source = new FeedSource(url, arguments.value("--kind") == null ? "rss" : arguments.value("--kind"), url,
                    arguments.value("--key"));
        } catch (IllegalArgumentException e) {
            err.println(Json.write(PrecisCli.problem(2, e.getMessage())));
            return 2;
        }
        err.println("precis: sweeping " + url + " from " + since + " to " + until + "…");
        JsonNode report = sweeps.run(new Sweep(List.of(source), Duration.between(since, until), until, Integer.MAX_VALUE),
                Long.MAX_VALUE / 2 + System.nanoTime());
        out.println(Json.write(report));
        return report.path("totals").path("sourcesFailed").asInt() > 0 ? 1 : 0;
    }
}

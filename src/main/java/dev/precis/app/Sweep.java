package dev.precis.app;

import dev.precis.ingest.feed.FeedSource;

import java.time.Duration;
import java.time.Instant;
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
}

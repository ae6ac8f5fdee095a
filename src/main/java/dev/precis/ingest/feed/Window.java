package dev.precis.ingest.feed;

import java.time.Duration;
import java.time.Instant;

/**
 * The stretch of time a sweep covers: [scheduled time − window, scheduled time). Taken from the
 * <em>scheduled</em> time, not the clock, so a replayed or retried run selects the same items.
 */
public record Window(Instant from, Instant to) {

    public static Window before(Instant scheduled, Duration length) {
        return new Window(scheduled.minus(length), scheduled);
    }

    public boolean contains(Instant time) {
        return time != null && !time.isBefore(from) && time.isBefore(to);
    }

    /** An item is due when it was published or changed within the window. */
    public boolean isDue(FeedItem item) {
        return contains(item.published()) || contains(item.modified());
    }
}

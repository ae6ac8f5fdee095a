package dev.precis.app;

import dev.precis.ingest.feed.FeedSource;

import java.time.Duration;
import java.util.List;

/**
 * What a sweep uses when its event does not say (SPEC §12): {@code precis.sweep.sources},
 * {@code precis.sweep.window} and {@code precis.sweep.max-inline}.
 */
public record SweepDefaults(List<FeedSource> sources, Duration window, int maxInline) {

    public SweepDefaults {
        sources = List.copyOf(sources);
    }
}

package dev.precis.deliver.cms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The items this container wrote a brief into lately, by CMS, item and content hash. A CMS sends an update
 * webhook for precis's own write; when that arrives here before the CMS's read API shows the write (caches,
 * replicas), reading would find a difference that is not there. Having just written the same brief is
 * answer enough. Bounded in entries (each a few hundred bytes) and in age.
 */
public final class RecentWrites {

    private static final int MAX_ENTRIES = 1_024;
    private static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final Clock clock;
    private final Map<String, Instant> written = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public RecentWrites(Clock clock) {
        this.clock = clock;
    }

    synchronized boolean contains(String target, String itemId, String contentHash) {
        Instant at = written.get(key(target, itemId, contentHash));
        return at != null && Duration.between(at, clock.instant()).compareTo(MAX_AGE) < 0;
    }

    synchronized void add(String target, String itemId, String contentHash) {
        written.put(key(target, itemId, contentHash), clock.instant());
    }

    private static String key(String target, String itemId, String contentHash) {
        return target + "\u0000" + itemId + "\u0000" + contentHash;
    }
}

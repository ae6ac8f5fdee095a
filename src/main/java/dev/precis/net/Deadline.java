package dev.precis.net;

import java.time.Duration;

/** A point in time an outbound exchange must finish by, shared by its redirects and retries. */
public record Deadline(long nanos) {

    public static Deadline in(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    public long remainingMillis() {
        return Math.max(0, (nanos - System.nanoTime()) / 1_000_000);
    }
}

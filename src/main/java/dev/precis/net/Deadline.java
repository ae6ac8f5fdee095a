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

    public boolean isPast() {
        return System.nanoTime() - nanos >= 0;
    }

    /** The earlier of this deadline and one that ends after {@code duration}. */
    public Deadline atMost(Duration duration) {
        long other = System.nanoTime() + duration.toNanos();
        return other - nanos < 0 ? new Deadline(other) : this;
    }
}

package dev.precis.function;

import java.time.Duration;

/**
 * When the current invocation must have answered. Lambda's context knows ({@code getRemainingTimeInMillis});
 * {@link PrecisLambdaHandler} records it for the thread handling the invocation. Where no context is at hand
 * (the local mock event server, the command line) the function's configured timeout, counted from when the
 * event arrived, stands in.
 */
public final class InvocationDeadline {

    /** Left for answering after the work stops: serializing, logging, returning the response. */
    static final Duration MARGIN = Duration.ofSeconds(2);
    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private InvocationDeadline() {
    }

    static void set(long remainingMillis) {
        DEADLINE.set(System.nanoTime() + remainingMillis * 1_000_000L);
    }

    static void clear() {
        DEADLINE.remove();
    }

    /** The {@link System#nanoTime()} by which work must stop, keeping a margin to answer. */
    static long workDeadline(long eventArrivedNanos, Duration configuredTimeout) {
        Long known = DEADLINE.get();
        long deadline = known != null ? known : eventArrivedNanos + configuredTimeout.toNanos();
        return deadline - MARGIN.toNanos();
    }
}

package dev.precis.app;

import java.util.concurrent.Callable;

/**
 * When the work of the current invocation must stop ({@link System#nanoTime()}), for code deep in a call that
 * waits on something slow (an LLM) and must give up in time to answer. Set around each invocation by the
 * function layer, and handed on to the worker threads that queue records, batch items and sweeps run on.
 */
public final class WorkDeadline {

    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private WorkDeadline() {
    }

    /** The deadline of the work this thread is doing, or {@link Long#MAX_VALUE} where none was set. */
    public static long current() {
        Long deadline = DEADLINE.get();
        return deadline == null ? Long.MAX_VALUE : deadline;
    }

    /** Runs {@code work} with {@code deadlineNanos} as this thread's deadline, then restores the one it had. */
    public static <T> T within(long deadlineNanos, Callable<T> work) throws Exception {
        Long previous = DEADLINE.get();
        DEADLINE.set(Math.min(deadlineNanos, previous == null ? Long.MAX_VALUE : previous));
        try {
            return work.call();
        } finally {
            if (previous == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(previous);
            }
        }
    }
}

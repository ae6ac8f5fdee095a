package dev.precis.app;

import dev.precis.api.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs independent tasks on a bounded pool and collects each one's outcome: its value, its failure, or
 * that it was not finished by the deadline (and was cancelled). One task's failure never touches another's.
 */
public final class Parallel implements AutoCloseable {

    /** What became of one task. */
    public record Outcome<T>(T value, String failure) {

        public boolean succeeded() {
            return failure == null;
        }
    }

    private final ExecutorService pool;

    public Parallel(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "precis-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param deadlineNanos the {@link System#nanoTime()} by which results must be in; later ones are failures
     */
    public <T> List<Outcome<T>> run(List<Callable<T>> tasks, long deadlineNanos, Supplier<String> lateReason) {
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> WorkDeadline.within(deadlineNanos, task)));
        }
        List<Outcome<T>> outcomes = new ArrayList<>();
        for (Future<T> future : futures) {
            long left = deadlineNanos - System.nanoTime();
            try {
                outcomes.add(new Outcome<>(future.get(Math.max(0, left), TimeUnit.NANOSECONDS), null));
            } catch (TimeoutException e) {
                future.cancel(true);
                outcomes.add(new Outcome<>(null, lateReason.get()));
            } catch (ExecutionException e) {
                outcomes.add(new Outcome<>(null, describe(e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                outcomes.add(new Outcome<>(null, lateReason.get()));
            }
        }
        return outcomes;
    }

    /** For work whose tasks start more tasks as results arrive (a sweep analyzes a source's items once it is read). */
    public <T> CompletionService<T> completions() {
        return new ExecutorCompletionService<>(pool);
    }

    /** A failure as it may be reported: a problem's detail, else only the kind of error (messages can quote input). */
    static String describe(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return problem.problem().status() + " " + problem.problem().detail();
        }
        return "internal error (" + (failure == null ? "unknown" : failure.getClass().getSimpleName()) + ")";
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

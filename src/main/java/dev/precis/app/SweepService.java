package dev.precis.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Json;
import dev.precis.deliver.queue.JobQueue;
import dev.precis.ingest.feed.FeedItem;
import dev.precis.ingest.feed.FeedReader;
import dev.precis.ingest.feed.FeedSource;
import dev.precis.ingest.feed.Window;
import org.jboss.logging.Logger;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sweeps sources for items due in the window (SPEC §12). Sources are read at the same time, so a slow one
 * costs its own fetch timeout and no one else's. With a queue, each due item becomes one message; without,
 * items are analyzed here on the worker pool, up to a number per run and while time remains, and the rest
 * reported skipped. One failing source never stops the others: it is reported, logged and counted in a metric.
 */
public final class SweepService {

    private static final Logger LOG = Logger.getLogger(SweepService.class);
    private static final int MAX_ID_CHARS = 256;
    private static final String LATE = "not finished before the invocation's time ran low";

    private final Map<String, FeedReader> readers;
    private final JobService jobs;
    private final JobQueue queue;
    private final Parallel workers;
    private final Consumer<String> sourceFailed;

    /** What one source gave in this run; the counts become its line in the report. */
    private static final class SourceRun {
        final FeedSource source;
        String error;
        int items;
        final List<FeedItem> due = new ArrayList<>();
        int queued;
        int analyzed;
        int skipped;
        int failed;
        boolean read;

        SourceRun(FeedSource source) {
            this.source = source;
        }
    }

    /**
     * @param readers      a reader per source kind
     * @param queue        where due items go as jobs; null to analyze them here
     * @param workers      the pool that reads sources and analyzes items
     * @param sourceFailed told the name of each source that could not be read (an EMF metric in Lambda)
     */
    public SweepService(Map<String, FeedReader> readers, JobService jobs, JobQueue queue, Parallel workers,
                        Consumer<String> sourceFailed) {
        this.readers = Map.copyOf(readers);
        this.jobs = jobs;
        this.queue = queue;
        this.workers = workers;
        this.sourceFailed = sourceFailed;
    }

    /** One finished task: a source read (its listing, or why not) or an item analyzed (or why not). */
    private record Step(SourceRun run, boolean isRead, List<FeedItem> listing, String failure) {
    }

    /**
     * Runs the sweep. Each source's items are analyzed as soon as it is read; whatever is not finished at
     * {@code deadlineNanos} ({@link System#nanoTime()}) is cancelled and reported (a source as failed, an item
     * as failed), never silently dropped.
     */
    public ObjectNode run(Sweep sweep, long deadlineNanos) {
        Window window = Window.before(sweep.scheduledTime(), sweep.window());
        List<SourceRun> runs = sweep.sources().stream().map(SourceRun::new).toList();
        CompletionService<Step> done = workers.completions();
        List<Future<Step>> started = new ArrayList<>();
        for (SourceRun run : runs) {
            started.add(done.submit(() -> WorkDeadline.within(deadlineNanos, () -> read(run, window))));
        }
        int pending = runs.size();
        int inlineLeft = sweep.maxInline();
        while (pending > 0) {
            Step step = next(done, deadlineNanos);
            if (step == null) {
                break;
            }
            pending--;
            SourceRun run = step.run();
            if (!step.isRead()) {
                if (step.failure() == null) {
                    run.analyzed++;
                } else {
                    run.failed++;
                }
            } else if (step.failure() != null) {
                failed(run, step.failure());
            } else {
                select(run, step.listing(), window);
                if (queue != null) {
                    send(run);
                    continue;
                }
                for (FeedItem item : run.due) {
                    if (inlineLeft <= 0) {
                        run.skipped++;
                        continue;
                    }
                    inlineLeft--;
                    JsonNode job = job(item);
                    started.add(done.submit(() -> WorkDeadline.within(deadlineNanos, () -> analyze(run, job))));
                    pending++;
                }
            }
        }
        started.forEach(future -> future.cancel(true));
        for (SourceRun run : runs) {
            if (!run.read && run.error == null) {
                failed(run, LATE);
            }
            if (queue == null) {
                // Items still being analyzed at the deadline were cancelled: they count as failed, not as done.
                run.failed = run.due.size() - run.analyzed - run.skipped;
            }
        }
        return report(sweep, window, runs);
    }

    private Step read(SourceRun run, Window window) {
        try {
            return new Step(run, true, readers.get(run.source.kind()).read(run.source, window), null);
        } catch (RuntimeException e) {
            return new Step(run, true, null, Parallel.describe(e));
        }
    }

    private Step analyze(SourceRun run, JsonNode job) {
        try {
            jobs.run(job);
            return new Step(run, false, null, null);
        } catch (RuntimeException e) {
            return new Step(run, false, null, Parallel.describe(e));
        }
    }

    /** The next finished step, or null once the deadline has passed. */
    private static Step next(CompletionService<Step> done, long deadlineNanos) {
        try {
            Future<Step> next = done.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return next == null ? null : next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            // read() and analyze() catch what they can report; an Error is not theirs to hide.
            throw new IllegalStateException("a sweep step failed outside its own handling", e.getCause());
        }
    }

    private static void select(SourceRun run, List<FeedItem> listed, Window window) {
        run.read = true;
        run.items = listed.size();
        Map<String, FeedItem> unique = new LinkedHashMap<>();
        for (FeedItem item : listed) {
            if (item.url() != null && window.isDue(item)) {
                unique.putIfAbsent(item.url(), item);
            }
        }
        run.due.addAll(unique.values());
    }

    private void send(SourceRun run) {
        List<JsonNode> messages = new ArrayList<>();
        run.due.forEach(item -> messages.add(job(item)));
        try {
            run.queued = queue.send(messages).size();
        } catch (RuntimeException e) {
            failed(run, Parallel.describe(e));
        }
    }

    private void failed(SourceRun run, String error) {
        run.error = error;
        sourceFailed.accept(run.source.name());
        LOG.warnf("sweep source %s failed: %s", run.source.name(), error);
    }

    private static ObjectNode report(Sweep sweep, Window window, List<SourceRun> runs) {
        ObjectNode report = Json.MAPPER.createObjectNode();
        report.put("kind", "sweep");
        report.put("scheduledTime", DateTimeFormatter.ISO_INSTANT.format(sweep.scheduledTime()));
        report.putObject("window").put("from", DateTimeFormatter.ISO_INSTANT.format(window.from()))
                .put("to", DateTimeFormatter.ISO_INSTANT.format(window.to()));
        ArrayNode sources = report.putArray("sources");
        int[] totals = new int[7];
        for (SourceRun run : runs) {
            ObjectNode line = sources.addObject().put("name", run.source.name()).put("url", run.source.url());
            if (run.error != null) {
                line.put("error", run.error);
                totals[6]++;
            }
            int[] counts = {run.items, run.due.size(), run.queued, run.analyzed, run.skipped, run.failed};
            line.put("items", counts[0]).put("due", counts[1]).put("queued", counts[2]).put("analyzed", counts[3])
                    .put("skipped", counts[4]).put("failed", counts[5]);
            for (int i = 0; i < counts.length; i++) {
                totals[i] += counts[i];
            }
        }
        report.putObject("totals").put("items", totals[0]).put("due", totals[1]).put("queued", totals[2])
                .put("analyzed", totals[3]).put("skipped", totals[4]).put("failed", totals[5]).put("sourcesFailed", totals[6]);
        return report;
    }

    /** The job for a due item: its full text when the source carries it, else its URL to fetch. */
    static JsonNode job(FeedItem item) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        String id = item.id() != null ? item.id() : item.url();
        request.put("id", id.length() > MAX_ID_CHARS ? id.substring(0, MAX_ID_CHARS) : id);
        if (item.title() != null && !item.title().isBlank() && item.title().length() <= 1_000) {
            request.put("title", item.title().strip());
        }
        request.put("url", item.url());
        if (item.content() != null && !item.content().isBlank()) {
            request.put("body", item.content());
        }
        if (item.published() != null) {
            request.put("publishedAt", DateTimeFormatter.ISO_INSTANT.format(item.published()));
        }
        return Job.of(request, null, null, null, null);
    }
}

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
import java.util.function.Consumer;

/**
 * Sweeps sources for items due in the window (SPEC §12). With a queue, each due item becomes one message;
 * without, items are analyzed here, up to a number per run and while time remains, and the rest reported
 * skipped. One failing source never stops the others: it is reported, logged and counted in a metric.
 */
public final class SweepService {

    private static final Logger LOG = Logger.getLogger(SweepService.class);
    private static final int MAX_ID_CHARS = 256;

    private final Map<String, FeedReader> readers;
    private final JobService jobs;
    private final JobQueue queue;
    private final Consumer<String> sourceFailed;

    /**
     * @param readers      a reader per source kind
     * @param queue        where due items go as jobs; null to analyze them here
     * @param sourceFailed told the name of each source that could not be read (an EMF metric in Lambda)
     */
    public SweepService(Map<String, FeedReader> readers, JobService jobs, JobQueue queue, Consumer<String> sourceFailed) {
        this.readers = Map.copyOf(readers);
        this.jobs = jobs;
        this.queue = queue;
        this.sourceFailed = sourceFailed;
    }

    /** Runs the sweep; inline analysis stops at {@code deadlineNanos} ({@link System#nanoTime()}). */
    public ObjectNode run(Sweep sweep, long deadlineNanos) {
        Window window = Window.before(sweep.scheduledTime(), sweep.window());
        ObjectNode report = Json.MAPPER.createObjectNode();
        report.put("kind", "sweep");
        report.put("scheduledTime", DateTimeFormatter.ISO_INSTANT.format(sweep.scheduledTime()));
        report.putObject("window").put("from", DateTimeFormatter.ISO_INSTANT.format(window.from()))
                .put("to", DateTimeFormatter.ISO_INSTANT.format(window.to()));
        ArrayNode sources = report.putArray("sources");
        int[] totals = new int[7];
        int inlineLeft = sweep.maxInline();
        for (FeedSource source : sweep.sources()) {
            ObjectNode line = sources.addObject().put("name", source.name()).put("url", source.url());
            int items = 0;
            int queued = 0;
            int analyzed = 0;
            int skipped = 0;
            int failed = 0;
            List<FeedItem> due = new ArrayList<>();
            try {
                List<FeedItem> listed = readers.get(source.kind()).read(source, window);
                items = listed.size();
                Map<String, FeedItem> unique = new LinkedHashMap<>();
                for (FeedItem item : listed) {
                    if (item.url() != null && window.isDue(item)) {
                        unique.putIfAbsent(item.url(), item);
                    }
                }
                due.addAll(unique.values());
                if (queue != null) {
                    List<JsonNode> messages = new ArrayList<>();
                    due.forEach(item -> messages.add(job(item)));
                    queued = queue.send(messages).size();
                } else {
                    for (FeedItem item : due) {
                        if (inlineLeft <= 0 || System.nanoTime() - deadlineNanos >= 0) {
                            skipped++;
                            continue;
                        }
                        inlineLeft--;
                        try {
                            jobs.run(job(item));
                            analyzed++;
                        } catch (RuntimeException e) {
                            failed++;
                        }
                    }
                }
            } catch (RuntimeException e) {
                // A source's own misconfiguration (a missing key) says so; other failures say only their kind.
                String error = e instanceof IllegalArgumentException ? e.getMessage() : Parallel.describe(e);
                line.put("error", error);
                totals[6]++;
                sourceFailed.accept(source.name());
                LOG.warnf("sweep source %s failed: %s", source.name(), error);
            }
            line.put("items", items).put("due", due.size()).put("queued", queued).put("analyzed", analyzed)
                    .put("skipped", skipped).put("failed", failed);
            int[] counts = {items, due.size(), queued, analyzed, skipped, failed};
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

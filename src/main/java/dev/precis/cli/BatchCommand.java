package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Brief;
import dev.precis.api.Json;
import dev.precis.api.ProblemException;
import dev.precis.app.JobService;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code precis batch FILE.jsonl --out DIR [--jobs N]}: one article request (or URL) per line, one brief per
 * file in DIR ({@code <id>.json}, or {@code line-<n>.json} for lines without an id), N at a time. Briefs
 * already in DIR are skipped, so an interrupted run resumes where it stopped; a line that fails leaves its
 * problem in {@code <name>.problem.json} and is tried again next time. Progress, rate and ETA go to stderr;
 * the summary (counts, throughput, peak memory) is one JSON line on stdout.
 */
final class BatchCommand {

    private static final long PROGRESS_EVERY_NANOS = 250_000_000L;
    private static final int BAR_WIDTH = 30;

    private BatchCommand() {
    }

    static int run(Arguments arguments, JobService jobs, PrintStream out, PrintStream err) throws IOException {
        if (arguments.positional().size() != 1 || arguments.value("--out") == null) {
            err.println(PrecisCli.USAGE);
            return 64;
        }
        Path input = Path.of(arguments.positional().get(0));
        Path dir = Path.of(arguments.value("--out"));
        int threads = arguments.value("--jobs") == null ? Runtime.getRuntime().availableProcessors()
                : Integer.parseInt(arguments.value("--jobs"));
        List<String> lines = PrecisCli.readLines(input);
        Files.createDirectories(dir);
        List<Task> tasks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int skipped = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            Task task = task(line, i + 1, names);
            if (Files.exists(dir.resolve(task.name + ".json"))) {
                skipped++;
            } else {
                tasks.add(task);
            }
        }
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Task task : tasks) {
                futures.add(pool.submit(() -> {
                    write(task, jobs, dir, failed);
                    done.incrementAndGet();
                }));
            }
            long lastReport = 0;
            for (Future<?> future : futures) {
                while (!future.isDone()) {
                    long now = System.nanoTime();
                    if (now - lastReport > PROGRESS_EVERY_NANOS) {
                        progress(err, done.get(), tasks.size(), now - started);
                        lastReport = now;
                    }
                    Thread.sleep(20);
                }
            }
            progress(err, done.get(), tasks.size(), System.nanoTime() - started);
            err.println();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        ObjectNode summary = Json.MAPPER.createObjectNode();
        summary.put("lines", tasks.size() + skipped).put("written", done.get() - failed.get()).put("skipped", skipped)
                .put("failed", failed.get()).put("seconds", Math.round(seconds * 10) / 10.0)
                .put("articlesPerSecond", Math.round(done.get() / Math.max(seconds, 1e-9) * 10) / 10.0)
                .put("peakHeapMB", peakHeapMegabytes()).put("jobs", threads).put("out", dir.toString());
        long rss = peakResidentMegabytes();
        if (rss > 0) {
            summary.put("peakResidentMB", rss);
        }
        out.println(Json.write(summary));
        return failed.get() == 0 ? 0 : 1;
    }

    private record Task(String name, String line) {
    }

    /** A line's file name: its request's id where it has one (made safe, unique in the run), else its number. */
    private static Task task(String line, int number, Set<String> names) {
        String name = "line-" + String.format("%06d", number);
        if (line.startsWith("{")) {
            try {
                JsonNode json = Json.parse(line);
                JsonNode id = json.has("request") ? json.path("request").path("id") : json.path("id");
                if (id.isTextual() && !id.textValue().isBlank()) {
                    name = id.textValue().replaceAll("[^A-Za-z0-9._-]", "_");
                    name = name.length() > 120 ? name.substring(0, 120) : name;
                }
            } catch (ProblemException e) {
                // the malformed line fails when it is run, under its number
            }
        }
        if (!names.add(name)) {
            name = name + "-" + number;
            names.add(name);
        }
        return new Task(name, line);
    }

    private static void write(Task task, JobService jobs, Path dir, AtomicInteger failed) {
        try {
            JsonNode request = task.line.startsWith("http://") || task.line.startsWith("https://")
                    ? Json.MAPPER.createObjectNode().put("url", task.line) : Json.parse(task.line);
            Brief brief = jobs.brief(request);
            Files.writeString(dir.resolve(task.name + ".json"), Json.write(brief), StandardCharsets.UTF_8);
            Files.deleteIfExists(dir.resolve(task.name + ".problem.json"));
        } catch (ProblemException e) {
            failed.incrementAndGet();
            writeQuietly(dir.resolve(task.name + ".problem.json"), Json.write(e.problem()));
        } catch (IOException | RuntimeException e) {
            failed.incrementAndGet();
            writeQuietly(dir.resolve(task.name + ".problem.json"), Json.write(PrecisCli.problem(1, e.getClass().getSimpleName())));
        }
    }

    private static void writeQuietly(Path path, String text) {
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the summary still counts the failure
        }
    }

    private static void progress(PrintStream err, int done, int total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
        long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
        err.printf("\r[%s%s] %d/%d  %.1f/s  ETA %d:%02d ", "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), done, total, rate,
                eta / 60, eta % 60);
        err.flush();
    }

    private static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    /** The process's peak resident set on Linux ({@code VmHWM}), or 0 where the system does not say. */
    private static long peakResidentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}

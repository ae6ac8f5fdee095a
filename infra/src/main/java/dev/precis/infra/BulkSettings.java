package dev.precis.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How bulk work is deployed (SPEC §12): the job queue's consumer, the sweep schedule, the results bucket and
 * the backfill state machine, read from CDK context.
 *
 * @param queueMaxConcurrency       most consumers Lambda runs at once for the queue (SQS allows 2 to 1000): keeps a
 *                                  flood of jobs from taking the account's whole concurrency
 * @param queueBatchSize            records per invocation, 1 to 10 (more would need a batching window)
 * @param sweepSources              the schedule's sources as SPEC §12 writes them; empty: the function's own
 *                                  {@code PRECIS_SWEEP_SOURCES}, and with neither the schedule is created disabled
 * @param sweepEveryMinutes         how often the schedule fires; it is also the sweep's window, so each item falls
 *                                  in exactly one run
 * @param resultsExpireDays         days briefs and backfill results stay in the bucket; 0 keeps them
 * @param backfillFormat            {@code jsonl} (one request per line) or {@code csv} (a header row naming
 *                                  {@code url}, {@code id}, …)
 * @param backfillBatchSize         items per invocation in a backfill
 * @param backfillMaxConcurrency    invocations a backfill runs at once
 * @param backfillToleratedFailurePercent share of items that may fail before the backfill as a whole fails
 * @param oldestMessageAlarmSeconds age of the oldest queued job that raises the backlog alarm
 */
public record BulkSettings(
        int queueMaxConcurrency,
        int queueBatchSize,
        List<Object> sweepSources,
        int sweepEveryMinutes,
        int resultsExpireDays,
        String backfillFormat,
        int backfillBatchSize,
        int backfillMaxConcurrency,
        int backfillToleratedFailurePercent,
        int oldestMessageAlarmSeconds) {

    static final Set<String> SOURCE_KINDS = Set.of("rss", "atom", "jsonfeed", "sitemap", "wordpress", "ghost");
    private static final Pattern RATE = Pattern.compile("(?:rate\\()?\\s*(\\d+)\\s+(minutes?|hours?|days?)\\s*\\)?");

    public BulkSettings {
        if (queueMaxConcurrency < 2 || queueMaxConcurrency > 1000) {
            throw new IllegalArgumentException("queueMaxConcurrency must be from 2 to 1000 (SQS event source limits)");
        }
        if (queueBatchSize < 1 || queueBatchSize > 10) {
            throw new IllegalArgumentException("queueBatchSize must be from 1 to 10");
        }
        if (resultsExpireDays < 0) {
            throw new IllegalArgumentException("resultsExpireDays must be 0 (keep) or a number of days");
        }
        if (!backfillFormat.equals("jsonl") && !backfillFormat.equals("csv")) {
            throw new IllegalArgumentException("backfillFormat must be jsonl or csv, not " + backfillFormat);
        }
        if (backfillBatchSize < 1 || backfillMaxConcurrency < 1 || backfillMaxConcurrency > 10_000) {
            throw new IllegalArgumentException("backfillBatchSize must be at least 1 and backfillMaxConcurrency from 1 to 10000");
        }
        if (backfillToleratedFailurePercent < 0 || backfillToleratedFailurePercent > 100) {
            throw new IllegalArgumentException("backfillToleratedFailurePercent must be from 0 to 100");
        }
        sweepSources = List.copyOf(sweepSources);
        for (Object source : sweepSources) {
            checkSource(source);
        }
    }

    static BulkSettings fromContext(Function<String, Object> context) {
        return new BulkSettings(
                DeploymentSettings.number(context, "queueMaxConcurrency", 5),
                DeploymentSettings.number(context, "queueBatchSize", 10),
                sources(context.apply("sweepSources")),
                minutes(DeploymentSettings.text(context, "sweepRate", "15 minutes")),
                DeploymentSettings.number(context, "resultsExpireDays", 0),
                DeploymentSettings.text(context, "backfillFormat", "jsonl"),
                DeploymentSettings.number(context, "backfillBatchSize", 10),
                DeploymentSettings.number(context, "backfillMaxConcurrency", 20),
                DeploymentSettings.number(context, "backfillToleratedFailurePercent", 5),
                DeploymentSettings.number(context, "oldestMessageAlarmSeconds", 900));
    }

    /** The sweep's window as the function reads it: the schedule's period. */
    String sweepWindow() {
        return "PT" + sweepEveryMinutes + "M";
    }

    /** From cdk.json a JSON array arrives as a list; from {@code -c sweepSources='[…]'} as text. */
    @SuppressWarnings("unchecked")
    private static List<Object> sources(Object value) {
        if (value == null || value.toString().isBlank()) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        try {
            Object parsed = new ObjectMapper().readValue(value.toString(), Object.class);
            if (parsed instanceof List<?> list) {
                return (List<Object>) list;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("sweepSources must be a JSON array of sources: " + e.getOriginalMessage(), e);
        }
        throw new IllegalArgumentException("sweepSources must be a JSON array of sources");
    }

    private static void checkSource(Object source) {
        if (!(source instanceof Map<?, ?> fields) || !(fields.get("url") instanceof String url) || url.isBlank()) {
            throw new IllegalArgumentException("each sweepSources entry needs a url: " + source);
        }
        Object kind = fields.get("kind");
        if (kind == null || !SOURCE_KINDS.contains(kind.toString())) {
            throw new IllegalArgumentException("sweepSources: unknown kind \"" + kind + "\"; kinds are " + SOURCE_KINDS);
        }
        if (kind.equals("ghost") && !(fields.get("key") instanceof String)) {
            throw new IllegalArgumentException("sweepSources: a ghost source needs its Content API key (\"key\")");
        }
    }

    /** {@code 15 minutes}, {@code 1 hour}, {@code rate(2 hours)}: EventBridge's own rate wording. */
    static int minutes(String rate) {
        Matcher matcher = RATE.matcher(rate.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 1) {
            throw new IllegalArgumentException("sweepRate takes a rate such as \"15 minutes\" or \"1 hour\", not " + rate);
        }
        int count = Integer.parseInt(matcher.group(1));
        return switch (matcher.group(2).charAt(0)) {
            case 'h' -> count * 60;
            case 'd' -> count * 24 * 60;
            default -> count;
        };
    }
}

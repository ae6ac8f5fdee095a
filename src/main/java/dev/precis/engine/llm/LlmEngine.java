package dev.precis.engine.llm;

import dev.precis.api.ArticleRequest;
import dev.precis.api.Brief;
import dev.precis.engine.topic.MediaTopics;
import io.smallrye.faulttolerance.api.Guard;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * The LLM engine (SPEC §6): the LLM writes the headline, an abstractive summary, key points and an excerpt, and
 * proposes tags and topics; the embedded brief keeps the entities, quotes, keyphrases, offsets and stats, and
 * every claim is held to the text ({@link Grounding}). Each call has its timeout; 429 and 5xx are tried again up
 * to twice, after the server's {@code Retry-After} or a jittered wait, only while the invocation has time; an
 * answer that does not follow the schema is asked for once more; a circuit breaker stops calling an endpoint
 * that keeps failing, so requests fall back at once instead of waiting out its timeout.
 */
public final class LlmEngine {

    public static final String NAME = "llm";
    private static final Logger LOG = Logger.getLogger(LlmEngine.class);
    private static final int MAX_RETRIES = 2;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    /** Less than this left and a call would only be cut off. */
    private static final Duration MIN_CALL = Duration.ofSeconds(1);
    private static final int CALLS_PER_REQUEST = 3;
    private static final int MAX_CALL_THREADS = 16;

    private final LlmClient client;
    private final LlmSettings settings;
    private final LongSupplier deadlineNanos;
    private final Guard breaker;
    /**
     * Calls run here so each is held to its own timeout; a call given up on keeps its thread until the socket's
     * own timeout ends it, so the pool is bounded, and past its size a request waits its turn, within its timeout.
     */
    private final ExecutorService calls = new ThreadPoolExecutor(0, MAX_CALL_THREADS, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "precis-llm");
                thread.setDaemon(true);
                return thread;
            });

    /**
     * @param deadlineNanos when the invocation must have answered ({@link System#nanoTime()}), or
     *                      {@link Long#MAX_VALUE} where nothing limits it
     */
    public LlmEngine(LlmClient client, LlmSettings settings, LongSupplier deadlineNanos) {
        this.client = client;
        this.settings = settings;
        this.deadlineNanos = deadlineNanos;
        this.breaker = Guard.create().withDescription("llm")
                .withCircuitBreaker().requestVolumeThreshold(10).failureRatio(0.5).delay(30, ChronoUnit.SECONDS)
                .when(failure -> failure instanceof LlmException llm && llm.countsAgainstEndpoint()).done()
                .build();
    }

    /**
     * The embedded brief with the parts the LLM writes in its place.
     *
     * @param request the request the embedded engine analyzed (its body is the article text)
     * @throws LlmException when the LLM gave no usable answer in time
     */
    public Brief write(Brief embedded, ArticleRequest request) {
        long started = System.nanoTime();
        List<String> warnings = new ArrayList<>(embedded.warnings());
        String text = request.body();
        String within = BriefPrompt.withinBudget(text, settings.maxInputTokens());
        if (within.length() < text.length()) {
            warnings.add("The article is longer than the LLM's input budget and was cut at a paragraph; "
                    + "the written summary covers its first part.");
        }
        var options = request.options();
        LlmRequest prompt = BriefPrompt.request(embedded.title(), within, options.summarySentences(), options.keyPoints(),
                options.maxTags());
        // One budget for the whole request, retries and the second ask included.
        long deadline = Math.min(deadlineNanos.getAsLong(), started + settings.timeout().toNanos() * CALLS_PER_REQUEST);
        LlmReply reply = null;
        LlmDraft draft = null;
        int inputTokens = 0;
        int outputTokens = 0;
        for (LlmRequest ask = prompt; draft == null; ask = ask.again()) {
            try {
                reply = call(ask, deadline);
                inputTokens += reply.inputTokens();
                outputTokens += reply.outputTokens();
                draft = LlmDraft.parse(reply.output(), options.summarySentences(), options.keyPoints(), options.maxTags());
            } catch (LlmException e) {
                if (e.kind() != LlmException.Kind.MALFORMED || ask.attempt() > 0) {
                    LOG.infof("llm brief failed (%s): %d input and %d output tokens spent", e.kind(), inputTokens, outputTokens);
                    throw e;
                }
            }
        }
        Grounding.Checked checked = Grounding.check(draft, text, embedded.entities(), embedded.keyphrases());
        warnings.addAll(checked.warnings());
        double elapsedMs = Math.round((System.nanoTime() - started) / 10_000.0) / 100.0;
        LOG.infof("llm brief by %s: %d input and %d output tokens in %.0f ms", reply.model(), inputTokens, outputTokens, elapsedMs);
        List<Brief.SummarySentence> sentences = draft.summary().stream().map(s -> new Brief.SummarySentence(s, null, null)).toList();
        List<Brief.Topic> topics = topics(draft, embedded);
        Brief.EngineInfo engine = new Brief.EngineInfo(NAME, embedded.engine().version(), embedded.engine().elapsedMs() + elapsedMs,
                new Brief.Usage(reply.model(), inputTokens, outputTokens),
                parts(draft.topics().isEmpty()));
        return embedded.withWriting(draft.headline(), new Brief.Summary(String.join(" ", draft.summary()), sentences, true),
                draft.keyPoints(), draft.excerpt(), tags(checked.tags(), embedded, options.maxTags()), topics, warnings, engine);
    }

    private LlmReply call(LlmRequest prompt, long deadline) {
        for (int retries = 0; ; retries++) {
            long left = deadline - System.nanoTime();
            if (left < MIN_CALL.toNanos()) {
                throw new LlmException(LlmException.Kind.TIMEOUT, "no time was left for the LLM");
            }
            Duration timeout = Duration.ofNanos(Math.min(left, settings.timeout().toNanos()));
            try {
                return breaker.call(() -> timed(prompt, timeout), LlmReply.class);
            } catch (LlmException e) {
                Duration wait = e.retryAfter() != null ? e.retryAfter()
                        : Duration.ofMillis(ThreadLocalRandom.current().nextLong(FIRST_BACKOFF.toMillis() << retries) + 1);
                if (e.kind() != LlmException.Kind.UNAVAILABLE || retries >= MAX_RETRIES
                        || System.nanoTime() + wait.toNanos() + MIN_CALL.toNanos() >= deadline) {
                    throw e;
                }
                sleep(wait);
            } catch (CircuitBreakerOpenException e) {
                throw new LlmException(LlmException.Kind.UNAVAILABLE, "the LLM endpoint keeps failing; calls are paused for a while");
            } catch (Exception e) {
                throw new LlmException(LlmException.Kind.UNAVAILABLE, "the LLM call failed (" + e.getClass().getSimpleName() + ")");
            }
        }
    }

    /** One call, held to its timeout whatever the client does. */
    private LlmReply timed(LlmRequest prompt, Duration timeout) {
        Future<LlmReply> reply = calls.submit(() -> client.complete(prompt, timeout));
        try {
            return reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new LlmException(LlmException.Kind.TIMEOUT, "the LLM did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LlmException llm) {
                throw llm;
            }
            throw new LlmException(LlmException.Kind.UNAVAILABLE, "the LLM call failed (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply.cancel(true);
            throw new LlmException(LlmException.Kind.TIMEOUT, "the LLM call was interrupted");
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.TIMEOUT, "the wait before retrying the LLM was interrupted");
        }
    }

    /** The LLM's grounded tags first, then the embedded engine's that it did not already give, up to the limit. */
    private static List<Brief.Tag> tags(List<LlmDraft.DraftTag> written, Brief embedded, int maxTags) {
        List<Brief.Tag> tags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LlmDraft.DraftTag tag : written) {
            if (tags.size() < maxTags && seen.add(tag.label().toLowerCase(Locale.ROOT))) {
                tags.add(new Brief.Tag(tag.label(), tag.kind(), rankScore(tags.size())));
            }
        }
        for (Brief.Tag tag : embedded.tags()) {
            if (tags.size() < maxTags && seen.add(tag.label().toLowerCase(Locale.ROOT))) {
                tags.add(tag);
            }
        }
        return tags;
    }

    /** The LLM's topic codes, scored by the embedded engine's shares where it found them too; its own if none. */
    private static List<Brief.Topic> topics(LlmDraft draft, Brief embedded) {
        if (draft.topics().isEmpty()) {
            return embedded.topics();
        }
        Map<String, Double> found = new LinkedHashMap<>();
        embedded.topics().forEach(topic -> found.put(topic.id(), topic.score()));
        List<Brief.Topic> topics = new ArrayList<>();
        for (String id : draft.topics()) {
            double score = found.getOrDefault(id, rankScore(topics.size()));
            topics.add(new Brief.Topic(id, MediaTopics.labels().get(id), score));
        }
        return topics;
    }

    /** A score for the model's ranked lists, which carry order but no numbers: 1, 0.91, 0.83, … above zero. */
    private static double rankScore(int rank) {
        return Math.round(1000.0 / (1 + 0.1 * rank)) / 1000.0;
    }

    private static Map<String, String> parts(boolean embeddedTopics) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : List.of("headline", "summary", "keyPoints", "excerpt", "tags")) {
            parts.put(part, NAME);
        }
        parts.put("topics", embeddedTopics ? "embedded" : NAME);
        for (String part : List.of("entities", "keyphrases", "quotes", "stats")) {
            parts.put(part, "embedded");
        }
        return parts;
    }
}

package dev.precis.deliver.callback;

import dev.precis.api.Brief;
import dev.precis.api.Json;
import dev.precis.api.PrecisSignature;
import dev.precis.api.ProblemException;
import dev.precis.deliver.Delivery;
import dev.precis.deliver.DeliveryContext;
import dev.precis.deliver.DeliveryResult;
import dev.precis.net.Deadline;
import dev.precis.net.GuardedHttpClient;
import dev.precis.net.RetryAfter;
import dev.precis.net.OutboundRequest;
import dev.precis.net.OutboundResponse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * POSTs the brief to a configured URL (SPEC §13), signed as {@code Precis-Signature: t=<unix seconds>,
 * v1=<hex HMAC-SHA256(secret, t + "." + body)>}, with a {@code Precis-Delivery-Id} and an
 * {@code Idempotency-Key} of {@code <id>:<contentHash>} so a receiver can drop repeats. Up to three retries
 * on 429, 5xx, timeouts and refused connections, with exponential backoff and full jitter, or the wait a
 * {@code Retry-After} asks for, all within one deadline. The URL is held to the same address rules as
 * fetched pages.
 */
public final class SignedCallback implements Delivery {

    static final int MAX_RETRIES = 3;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(4);
    private static final long MAX_RESPONSE_BYTES = 64 * 1024;

    private final GuardedHttpClient http;
    private final URI url;
    private final String secret;
    private final Duration timeout;
    private final Clock clock;
    private final RandomGenerator random;
    private final Sleeper sleeper;

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public SignedCallback(GuardedHttpClient http, URI url, String secret, Duration timeout, Clock clock,
                          RandomGenerator random, Sleeper sleeper) {
        this.http = http;
        this.url = url;
        this.secret = secret;
        this.timeout = timeout;
        this.clock = clock;
        this.random = random;
        this.sleeper = sleeper;
    }

    @Override
    public String target() {
        return "callback";
    }

    @Override
    public DeliveryResult deliver(Brief brief, DeliveryContext context) {
        byte[] body = Json.write(brief).getBytes(StandardCharsets.UTF_8);
        String deliveryId = UUID.randomUUID().toString();
        String idempotencyKey = (brief.id() != null ? brief.id() : context.itemId()) + ":" + brief.contentHash();
        Deadline deadline = Deadline.in(timeout);
        String last = null;
        for (int attempt = 0; attempt <= MAX_RETRIES; attempt++) {
            Duration wait;
            try {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Content-Type", "application/json");
                headers.put(PrecisSignature.HEADER, PrecisSignature.sign(secret, clock.instant().getEpochSecond(), body));
                headers.put("Precis-Delivery-Id", deliveryId);
                headers.put("Idempotency-Key", idempotencyKey);
                OutboundResponse response = http.send(new OutboundRequest("POST", url, headers, body, MAX_RESPONSE_BYTES), deadline);
                int status = response.status();
                if (status >= 200 && status < 300) {
                    return new DeliveryResult(target(), DeliveryResult.DELIVERED, "HTTP " + status
                            + (attempt == 0 ? "" : " after " + (attempt + 1) + " attempts"));
                }
                last = "HTTP " + status;
                if (status != 429 && status < 500) {
                    return new DeliveryResult(target(), DeliveryResult.FAILED, last + "; not retried");
                }
                wait = RetryAfter.parse(response.header("retry-after"), clock.instant()).orElse(backoff(attempt));
            } catch (ProblemException e) {
                String type = e.problem().type();
                last = e.problem().detail();
                if (type.endsWith(":forbidden-address") || type.endsWith(":invalid-request")) {
                    return new DeliveryResult(target(), DeliveryResult.FAILED, last);
                }
                wait = backoff(attempt);
            }
            if (attempt == MAX_RETRIES || wait.toMillis() >= deadline.remainingMillis()) {
                break;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new DeliveryResult(target(), DeliveryResult.FAILED, last + "; gave up");
    }

    /** Exponential backoff with full jitter: a random wait up to 250 ms, 500 ms, 1 s, … (at most 4 s). */
    private Duration backoff(int attempt) {
        long ceiling = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << attempt);
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

}

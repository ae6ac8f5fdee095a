package dev.precis.engine.llm;

import java.time.Duration;

/** An LLM call that gave no usable answer, and whether trying again may help. */
public final class LlmException extends RuntimeException {

    public enum Kind {
        /** No answer in time: not retried, the time is gone. */
        TIMEOUT,
        /** 429, 5xx or no connection: retried, after Retry-After when the server gives one. */
        UNAVAILABLE,
        /** An answer that is not the JSON asked for, or was cut off: asked once more. */
        MALFORMED,
        /** A request the server will not take as it is (other 4xx): not retried. */
        REFUSED
    }

    private final Kind kind;
    private final Duration retryAfter;

    public LlmException(Kind kind, String message) {
        this(kind, message, null);
    }

    public LlmException(Kind kind, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** How long the server asked to wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Failures that say the endpoint is in trouble, which the circuit breaker counts. */
    public boolean countsAgainstEndpoint() {
        return kind == Kind.TIMEOUT || kind == Kind.UNAVAILABLE;
    }
}

package dev.precis.api;

import java.util.List;

/** The kinds of failure a caller can act on, each with its HTTP status and a stable type URI. */
public enum ProblemType {
    MALFORMED_JSON(400, "Malformed JSON"),
    INVALID_REQUEST(400, "Invalid request"),
    UNSUPPORTED_EVENT(400, "Unsupported event"),
    FORBIDDEN_ADDRESS(400, "Forbidden address"),
    UNAUTHORIZED(401, "Unauthorized"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    NOTHING_TO_ANALYZE(422, "Nothing to analyze"),
    INTERNAL(500, "Internal error"),
    FETCH_FAILED(502, "Fetch failed"),
    DELIVERY_FAILED(502, "Delivery failed"),
    LLM_FAILED(502, "LLM failed"),
    TIMEOUT(504, "Timeout");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return "urn:precis:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public Problem problem(String detail) {
        return problem(detail, List.of());
    }

    public Problem problem(String detail, List<FieldError> errors) {
        return new Problem(uri(), title, status, detail, errors, null);
    }
}

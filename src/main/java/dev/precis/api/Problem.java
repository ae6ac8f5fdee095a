package dev.precis.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * An RFC 9457 problem document: what the caller did wrong (or that we failed), never a stack trace.
 *
 * @param requestId set on 500s so an operator can find the log lines of the failed invocation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "errors", "requestId"})
public record Problem(String type, String title, int status, String detail, List<FieldError> errors, String requestId) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, errors, id);
    }
}

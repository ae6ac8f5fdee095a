package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.Json;
import dev.precis.api.Problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an HTTP route answers: any status, extra headers ({@code Allow}, {@code Retry-After}, …) and a JSON
 * body, or no body (204).
 */
record HttpResponse(int status, String contentType, Map<String, String> headers, JsonNode body) {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    HttpResponse {
        headers = Map.copyOf(headers);
    }

    static HttpResponse json(int status, JsonNode body) {
        return new HttpResponse(status, JSON, Map.of(), body);
    }

    static HttpResponse ok(JsonNode body) {
        return json(200, body);
    }

    static HttpResponse noContent() {
        return new HttpResponse(204, null, Map.of(), null);
    }

    static HttpResponse problem(Problem problem) {
        return new HttpResponse(problem.status(), PROBLEM_JSON, Map.of(), Json.tree(problem));
    }

    HttpResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpResponse(status, contentType, more, body);
    }
}

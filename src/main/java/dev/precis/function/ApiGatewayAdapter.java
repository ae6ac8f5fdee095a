package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.ArticleRequestReader;
import dev.precis.api.Json;
import dev.precis.api.Problem;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API Gateway proxy events (HTTP API 2.0 and REST API 1.0): routes them and answers with a proxy
 * response whose body is a brief, a health document or a problem ({@code application/problem+json}).
 */
final class ApiGatewayAdapter implements EventAdapter {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    private final Map<String, Map<String, Route>> routes = new LinkedHashMap<>();

    /** Route templates and their methods, as the OpenAPI document must describe them. */
    Map<String, java.util.Set<String>> routeTable() {
        Map<String, java.util.Set<String>> table = new LinkedHashMap<>();
        routes.forEach((path, methods) -> table.put(path, methods.keySet()));
        return table;
    }

    ApiGatewayAdapter(ArticleRequestReader reader, BriefService service, String version) {
        routes.put("/v1/briefs", Map.of("POST", new BriefsRoute(reader, service)));
        routes.put("/v1/health", Map.of("GET", request -> health(version)));
        routes.put("/v1/webhooks/{cms}", Map.of("POST", request -> {
            throw new ProblemException(ProblemType.NOT_IMPLEMENTED.problem("CMS webhooks are not supported yet."));
        }));
    }

    @Override
    public Outcome handle(JsonNode event) {
        HttpRequest request = HttpRequest.fromApiGateway(event);
        Map<String, Route> methods = routes.get(template(request.path()));
        if (methods == null) {
            throw new ProblemException(ProblemType.NOT_FOUND.problem("No route for this path; routes are "
                    + String.join(", ", routes.keySet()) + "."));
        }
        Route route = methods.get(request.method());
        if (route == null) {
            String allowed = String.join(", ", methods.keySet());
            Problem problem = ProblemType.METHOD_NOT_ALLOWED.problem("This route accepts " + allowed + ".");
            return response(problem.status(), PROBLEM_JSON, Json.write(problem), Map.of("allow", allowed));
        }
        JsonNode body = route.handle(request);
        return response(200, JSON, Json.write(body), Map.of());
    }

    /** The route template a concrete path matches ("/v1/webhooks/ghost" → "/v1/webhooks/{cms}"). */
    private String template(String path) {
        if (routes.containsKey(path)) {
            return path;
        }
        if (path.startsWith("/v1/webhooks/") && path.indexOf('/', "/v1/webhooks/".length()) < 0
                && path.length() > "/v1/webhooks/".length()) {
            return "/v1/webhooks/{cms}";
        }
        return path;
    }

    @Override
    public Outcome answer(Problem problem, JsonNode event) {
        return response(problem.status(), PROBLEM_JSON, Json.write(problem), Map.of());
    }

    private static JsonNode health(String version) {
        return JsonNodeFactory.instance.objectNode().put("status", "ok").put("version", version);
    }

    private static Outcome response(int status, String contentType, String body, Map<String, String> extraHeaders) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("statusCode", status);
        ObjectNode headers = response.putObject("headers");
        headers.put("content-type", contentType);
        extraHeaders.forEach(headers::put);
        response.put("body", body);
        response.put("isBase64Encoded", false);
        return new Outcome(response, status);
    }

    @FunctionalInterface
    interface Route {
        JsonNode handle(HttpRequest request);
    }
}

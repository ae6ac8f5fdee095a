package dev.precis.function;

import dev.precis.api.Problem;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches a request to a route by method and path template ({@code /v1/webhooks/{cms}}), reading the path
 * parameters from the concrete path, or taking them from API Gateway when its route key already names the
 * template. Unknown paths are 404; a known path with another method is 405 with {@code Allow}.
 */
final class Router {

    /** Handles one matched request; {@code parameters} holds the template's values by name. */
    @FunctionalInterface
    interface Route {
        HttpResponse handle(HttpRequest request, Map<String, String> parameters);
    }

    private final Map<String, Map<String, Route>> routes = new LinkedHashMap<>();

    Router add(String method, String template, Route route) {
        routes.computeIfAbsent(template, t -> new LinkedHashMap<>()).put(method, route);
        return this;
    }

    /** Route templates and their methods, as the OpenAPI document must describe them. */
    Map<String, Set<String>> table() {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        routes.forEach((template, methods) -> table.put(template, new TreeSet<>(methods.keySet())));
        return table;
    }

    HttpResponse route(HttpRequest request) {
        for (Map.Entry<String, Map<String, Route>> entry : routes.entrySet()) {
            Map<String, String> parameters = match(entry.getKey(), request);
            if (parameters == null) {
                continue;
            }
            Route route = entry.getValue().get(request.method());
            if (route == null) {
                String allowed = String.join(", ", entry.getValue().keySet());
                Problem problem = ProblemType.METHOD_NOT_ALLOWED.problem("This route accepts " + allowed + ".");
                return HttpResponse.problem(problem).withHeader("allow", allowed);
            }
            return route.handle(request, parameters);
        }
        throw new ProblemException(ProblemType.NOT_FOUND.problem("No route for this path; routes are "
                + String.join(", ", routes.keySet()) + "."));
    }

    /** The template's parameters when the request's path fits it, else null. */
    private static Map<String, String> match(String template, HttpRequest request) {
        if (template.equals(request.path())) {
            // API Gateway's route key names the template itself; it hands the values over separately.
            return request.pathParameters();
        }
        List<String> want = List.of(template.split("/", -1));
        List<String> have = List.of(request.path().split("/", -1));
        if (want.size() != have.size()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < want.size(); i++) {
            String segment = want.get(i);
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (have.get(i).isEmpty()) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 1), have.get(i));
            } else if (!segment.equals(have.get(i))) {
                return null;
            }
        }
        return parameters;
    }
}

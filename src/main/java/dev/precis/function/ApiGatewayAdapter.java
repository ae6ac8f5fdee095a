package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Json;
import dev.precis.api.Problem;

import java.util.Map;
import java.util.Set;

/**
 * API Gateway proxy events (HTTP API 2.0 and REST API 1.0): routes them and answers with a proxy response
 * carrying the route's status, headers and body, or a problem ({@code application/problem+json}).
 */
final class ApiGatewayAdapter implements EventAdapter {

    private final Router router;

    ApiGatewayAdapter(Router router) {
        this.router = router;
    }

    /** Route templates and their methods, as the OpenAPI document must describe them. */
    Map<String, Set<String>> routeTable() {
        return router.table();
    }

    @Override
    public Outcome handle(JsonNode event) {
        return proxyResponse(router.route(HttpRequest.fromApiGateway(event)));
    }

    @Override
    public Outcome answer(Problem problem, JsonNode event) {
        return proxyResponse(HttpResponse.problem(problem));
    }

    private static Outcome proxyResponse(HttpResponse answer) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("statusCode", answer.status());
        ObjectNode headers = response.putObject("headers");
        if (answer.contentType() != null) {
            headers.put("content-type", answer.contentType());
        }
        answer.headers().forEach(headers::put);
        response.put("body", answer.body() == null ? "" : Json.write(answer.body()));
        response.put("isBase64Encoded", false);
        return new Outcome(response, answer.status());
    }
}

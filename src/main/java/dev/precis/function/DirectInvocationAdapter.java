package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.ArticleRequestReader;
import dev.precis.api.Json;
import dev.precis.api.Problem;
import dev.precis.app.BriefService;

/** The event is an {@code ArticleRequest}; the answer is the brief, or the problem as the result. */
final class DirectInvocationAdapter implements EventAdapter {

    private final ArticleRequestReader reader;
    private final BriefService service;

    DirectInvocationAdapter(ArticleRequestReader reader, BriefService service) {
        this.reader = reader;
        this.service = service;
    }

    @Override
    public Outcome handle(JsonNode event) {
        return new Outcome(Json.tree(service.analyze(reader.read(event))), 200);
    }

    @Override
    public Outcome answer(Problem problem, JsonNode event) {
        return new Outcome(Json.tree(problem), problem.status());
    }
}

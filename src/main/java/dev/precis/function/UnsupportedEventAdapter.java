package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.Json;
import dev.precis.api.Problem;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;

/**
 * Event kinds the function does not take (SNS, S3, EventBridge events other than schedules, unknown
 * records): the caller's mistake, answered with a 400 naming the kind.
 */
final class UnsupportedEventAdapter implements EventAdapter {

    private final EventKind kind;

    UnsupportedEventAdapter(EventKind kind) {
        this.kind = kind;
    }

    @Override
    public Outcome handle(JsonNode event) {
        throw new ProblemException(ProblemType.UNSUPPORTED_EVENT.problem("Events of kind " + kind.description()
                + " are not supported; invoke the function with an article request, through API Gateway, from a "
                + "schedule, an SQS queue or a Step Functions batch."));
    }

    @Override
    public Outcome answer(Problem problem, JsonNode event) {
        return new Outcome(Json.tree(problem), problem.status());
    }
}

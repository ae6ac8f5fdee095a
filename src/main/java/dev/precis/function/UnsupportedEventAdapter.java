package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Json;
import dev.precis.api.Problem;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;

/**
 * Event kinds this version does not process. EventBridge and SQS are planned (501); anything else is the
 * caller's mistake (400). For SQS every message is reported failed, so Lambda returns them to the queue
 * and, in the end, to its dead-letter queue: nothing is lost.
 */
final class UnsupportedEventAdapter implements EventAdapter {

    private final EventKind kind;

    UnsupportedEventAdapter(EventKind kind) {
        this.kind = kind;
    }

    @Override
    public Outcome handle(JsonNode event) {
        boolean planned = kind == EventKind.EVENTBRIDGE || kind == EventKind.SQS;
        Problem problem = planned
                ? ProblemType.NOT_IMPLEMENTED.problem("Events of kind " + kind.description() + " are recognized but not supported yet.")
                : ProblemType.UNSUPPORTED_EVENT.problem("Events of kind " + kind.description()
                + " are not supported; invoke the function with an article request or through API Gateway.");
        throw new ProblemException(problem);
    }

    @Override
    public Outcome answer(Problem problem, JsonNode event) {
        ObjectNode answer = (ObjectNode) Json.tree(problem);
        if (kind == EventKind.SQS) {
            ArrayNode failures = answer.putArray("batchItemFailures");
            for (JsonNode record : event.path("Records")) {
                failures.addObject().put("itemIdentifier", record.path("messageId").asText());
            }
        }
        return new Outcome(answer, problem.status());
    }
}

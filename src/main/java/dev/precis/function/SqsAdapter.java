package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Json;
import dev.precis.api.Problem;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import dev.precis.app.JobService;
import dev.precis.app.Parallel;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * SQS batches (SPEC §12): each record's body is a job or an article request, run independently on the
 * bounded worker pool. The answer names exactly the records that failed in {@code batchItemFailures}
 * (the event source mapping reports batch item failures), so Lambda deletes the rest and returns those to
 * the queue; a record not finished when the invocation's time runs low is named too, never dropped.
 */
final class SqsAdapter implements EventAdapter {

    private static final Logger LOG = Logger.getLogger(SqsAdapter.class);

    private final Services services;

    SqsAdapter(Services services) {
        this.services = services;
    }

    @Override
    public Outcome handle(JsonNode event) {
        long arrived = System.nanoTime();
        JsonNode records = event.path("Records");
        List<String> ids = new ArrayList<>();
        List<Callable<JsonNode>> tasks = new ArrayList<>();
        for (JsonNode record : records) {
            ids.add(record.path("messageId").asText(""));
            JsonNode body = record.get("body");
            tasks.add(() -> {
                if (body == null || !body.isTextual()) {
                    throw new ProblemException(ProblemType.INVALID_REQUEST.problem("The record has no body."));
                }
                return services.jobs().run(Json.parse(body.textValue()));
            });
        }
        List<Parallel.Outcome<JsonNode>> outcomes = services.workers().run(tasks,
                InvocationDeadline.workDeadline(arrived, services.invocationTimeout()),
                () -> "not finished before the invocation's time ran low");
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode failures = answer.putArray("batchItemFailures");
        for (int i = 0; i < outcomes.size(); i++) {
            if (!outcomes.get(i).succeeded()) {
                failures.addObject().put("itemIdentifier", ids.get(i));
                LOG.warnf("queue record %s failed: %s", ids.get(i), outcomes.get(i).failure());
            }
        }
        return new Outcome(answer, failures.isEmpty() ? 200 : 207);
    }

    /** A problem with the event as a whole fails every record, so none is deleted. */
    @Override
    public Outcome answer(Problem problem, JsonNode event) {
        ObjectNode answer = (ObjectNode) Json.tree(problem);
        ArrayNode failures = answer.putArray("batchItemFailures");
        for (JsonNode record : event == null ? Json.MAPPER.createArrayNode() : event.path("Records")) {
            failures.addObject().put("itemIdentifier", record.path("messageId").asText(""));
        }
        return new Outcome(answer, problem.status());
    }
}

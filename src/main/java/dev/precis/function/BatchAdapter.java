package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.ArticleRequestReader;
import dev.precis.api.Json;
import dev.precis.api.Problem;
import dev.precis.app.Job;
import dev.precis.app.Parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A Step Functions Distributed Map batch (SPEC §5, §12): {@code {"Items": [...], "BatchInput": {...}}}, where
 * each item is an article request (a JSONL manifest line), a job, or a CSV manifest row whose columns are
 * request fields ({@code url}, {@code id}, {@code title}, …). {@code BatchInput.deliver.targets} may narrow
 * the deliveries, and {@code BatchInput.format: "csv"} (set by the stack for CSV manifests) says items are rows:
 * their request columns are kept, blank cells and other columns (a manifest is often an export with more)
 * dropped. Items run independently on the worker pool; the answer reports each one, and the counts
 * the state machine checks to fail (and so retry or tolerate) a batch with failed items.
 */
final class BatchAdapter implements EventAdapter {

    private final Services services;

    BatchAdapter(Services services) {
        this.services = services;
    }

    @Override
    public Outcome handle(JsonNode event) {
        long arrived = System.nanoTime();
        JsonNode items = event.path("Items");
        JsonNode deliver = event.path("BatchInput").path("deliver");
        boolean rows = event.path("BatchInput").path("format").asText("").equals("csv");
        List<Callable<JsonNode>> tasks = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode request = rows ? row(item) : item;
            tasks.add(() -> services.jobs().run(job(request, deliver)));
        }
        List<Parallel.Outcome<JsonNode>> outcomes = services.workers().run(tasks,
                InvocationDeadline.workDeadline(arrived, services.invocationTimeout()),
                () -> "not finished before the invocation's time ran low");
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode results = answer.putArray("items");
        int failed = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            Parallel.Outcome<JsonNode> outcome = outcomes.get(i);
            ObjectNode result = results.addObject().put("index", i);
            if (outcome.succeeded()) {
                result.put("status", "analyzed");
                result.setAll((ObjectNode) outcome.value());
            } else {
                failed++;
                result.put("status", "failed").put("error", outcome.failure());
            }
        }
        answer.put("analyzed", outcomes.size() - failed).put("failed", failed);
        return new Outcome(answer, 200);
    }

    /** An item as a job: as it is when it is one, else as the request of a job with the batch's deliveries. */
    private static JsonNode job(JsonNode item, JsonNode deliver) {
        if (item.has("request") || !deliver.has("targets")) {
            return item;
        }
        List<String> targets = new ArrayList<>();
        deliver.path("targets").forEach(target -> targets.add(target.asText()));
        return Job.of(item, targets, null, null, null);
    }

    /** A CSV row as a request: its columns that are request fields, with something in them. */
    private static JsonNode row(JsonNode item) {
        if (!item.isObject()) {
            return item;
        }
        ObjectNode request = Json.MAPPER.createObjectNode();
        for (String field : ArticleRequestReader.FIELDS) {
            JsonNode cell = item.get(field);
            if (cell != null && cell.isTextual() && !cell.textValue().isBlank()) {
                request.put(field, cell.textValue().strip());
            }
        }
        return request;
    }

    @Override
    public Outcome answer(Problem problem, JsonNode event) {
        return new Outcome(Json.tree(problem), problem.status());
    }
}

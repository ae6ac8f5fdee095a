package dev.precis.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.ArticleRequest;
import dev.precis.api.ArticleRequestReader;
import dev.precis.api.Json;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;

import java.util.ArrayList;
import java.util.List;

/**
 * One unit of queued work (SPEC §12): an article request and where its brief goes. On the wire a job is
 * {@code {"request": {...}, "deliver": {"targets": [...], "cms": {"name", "item", "collection"}}}}; a bare
 * article request is a job with the default deliveries.
 *
 * @param targets  the general deliveries to use ("callback", "s3"), or null for all configured ones
 * @param cms      the CMS whose item this is, for its write-back; may be null
 */
public record Job(ArticleRequest request, List<String> targets, String cms, String item, String collection) {

    /** Reads a job, validating its request like any other; a malformed one is a 400 problem. */
    public static Job read(JsonNode json, ArticleRequestReader reader) {
        if (json == null || !json.isObject()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST.problem("A job is a JSON object."));
        }
        if (!json.has("request")) {
            return new Job(reader.read(json), null, null, null, null);
        }
        JsonNode deliver = json.path("deliver");
        List<String> targets = null;
        if (deliver.has("targets")) {
            targets = new ArrayList<>();
            for (JsonNode target : deliver.path("targets")) {
                targets.add(target.asText());
            }
        }
        JsonNode cms = deliver.path("cms");
        return new Job(reader.read(json.get("request")), targets, text(cms, "name"), text(cms, "item"), text(cms, "collection"));
    }

    /** The wire form of a job for a request given as JSON. */
    public static ObjectNode of(JsonNode request, List<String> targets, String cms, String item, String collection) {
        ObjectNode job = Json.MAPPER.createObjectNode();
        job.set("request", request);
        ObjectNode deliver = job.putObject("deliver");
        if (targets != null) {
            ArrayNode list = deliver.putArray("targets");
            targets.forEach(list::add);
        }
        if (cms != null) {
            ObjectNode target = deliver.putObject("cms").put("name", cms).put("item", item);
            if (collection != null) {
                target.put("collection", collection);
            }
        }
        return job;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

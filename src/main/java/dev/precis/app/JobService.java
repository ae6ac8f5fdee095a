package dev.precis.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.ArticleRequestReader;
import dev.precis.api.Brief;
import dev.precis.api.Json;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import dev.precis.deliver.DeliveryContext;
import dev.precis.deliver.DeliveryResult;

import java.util.List;

/**
 * Runs one job: the brief, then its deliveries. The same for a queued message, an item of a backfill
 * batch and a webhook delivered in queue mode. A job whose every delivery failed has failed, so the queue
 * gives it back.
 */
public final class JobService {

    private final BriefService briefs;
    private final Deliveries deliveries;
    private final ArticleRequestReader reader;

    public JobService(BriefService briefs, Deliveries deliveries, ArticleRequestReader reader) {
        this.briefs = briefs;
        this.deliveries = deliveries;
        this.reader = reader;
    }

    /**
     * @return {@code {"id", "contentHash", "deliveries": [...]}}
     * @throws ProblemException when the job is malformed, its article cannot be analyzed, or every delivery failed
     */
    public ObjectNode run(JsonNode json) {
        Job job = Job.read(json, reader);
        Brief brief = briefs.analyze(job.request());
        String item = job.item() != null ? job.item() : brief.id();
        List<DeliveryResult> results = deliveries.deliver(brief, new DeliveryContext(item, job.collection(), null), job.cms(),
                job.targets());
        if (!results.isEmpty() && results.stream().allMatch(DeliveryResult::failed)) {
            throw new ProblemException(ProblemType.DELIVERY_FAILED.problem("Every delivery of the brief failed."));
        }
        ObjectNode result = Json.MAPPER.createObjectNode();
        if (brief.id() != null) {
            result.put("id", brief.id());
        }
        result.put("contentHash", brief.contentHash());
        ArrayNode list = result.putArray("deliveries");
        results.forEach(r -> list.add(Json.tree(r)));
        return result;
    }

    /** The brief of a job whose deliveries are the caller's business (the command line's batch). */
    public Brief brief(JsonNode json) {
        return briefs.analyze(Job.read(json, reader).request());
    }
}

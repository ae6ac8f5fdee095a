package dev.precis.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.ArticleRequestReader;
import dev.precis.api.Brief;
import dev.precis.api.FieldError;
import dev.precis.api.Json;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import dev.precis.deliver.DeliveryContext;
import dev.precis.deliver.DeliveryResult;
import dev.precis.deliver.queue.JobQueue;
import dev.precis.ingest.cms.CmsArticle;
import dev.precis.ingest.cms.CmsReader;
import dev.precis.ingest.cms.PayloadMapper;
import dev.precis.ingest.cms.RichText;
import dev.precis.ingest.cms.WebhookDelivery;
import dev.precis.ingest.cms.WebhookEvent;
import dev.precis.ingest.cms.WebhookSource;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A CMS webhook, from signature to receipt (SPEC §11): the signature is checked over the raw bytes, the
 * payload says whether a published item is announced (else 202 "ignored"), the article is mapped (and read
 * through the CMS's API when the payload is thin), analyzed, and handed to the deliveries; the receipt says
 * what each one did. Only when every delivery failed is the answer an error, so the sender retries.
 */
public final class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    /** SQS takes messages up to 256 KB; a job larger than this is analyzed at once instead of queued. */
    private static final int MAX_QUEUED_JOB_BYTES = 240 * 1024;

    private final Map<String, WebhookSource> sources;
    private final Deliveries deliveries;
    private final BriefService briefs;
    private final ArticleRequestReader reader;
    private final Duration tolerance;
    private final Clock clock;
    private final JobQueue queue;

    /**
     * @param queue where deliveries go in queue mode (answered 202 once verified and mapped, analyzed by the
     *              queue's consumer); null to analyze each delivery before answering
     */
    public WebhookService(Map<String, WebhookSource> sources, Deliveries deliveries, BriefService briefs,
                          ArticleRequestReader reader, Duration tolerance, Clock clock, JobQueue queue) {
        this.sources = Map.copyOf(sources);
        this.deliveries = deliveries;
        this.briefs = briefs;
        this.reader = reader;
        this.tolerance = tolerance;
        this.clock = clock;
        this.queue = queue;
    }

    /** The answer to one delivery: its HTTP status and JSON body. */
    public record Answer(int status, JsonNode body) {
    }

    /**
     * @param target the path as the sender called it, with its query string (some schemes sign it)
     * @param body   the raw bytes, which the signatures cover exactly as sent
     */
    public Answer handle(String cms, String method, String target, Map<String, String> headers, byte[] body) {
        WebhookSource source = sources.get(cms);
        if (source == null) {
            // Which CMSs are enabled is not for an unauthenticated caller to learn.
            throw new ProblemException(ProblemType.NOT_FOUND.problem("No webhook is enabled for this CMS."));
        }
        WebhookDelivery delivery = new WebhookDelivery(cms, method, target, headers, body);
        source.profile().signature().verify(delivery, source.secret().get(), clock.instant(), tolerance);
        JsonNode payload = Json.parse(delivery.bodyText());
        WebhookEvent event = source.profile().event(delivery, payload, source.fields());
        if (!event.analyze()) {
            LOG.infof("webhook %s ignored: %s", delivery.cms(), event.reason());
            ObjectNode ignored = Json.MAPPER.createObjectNode().put("status", "ignored").put("reason", event.reason());
            return new Answer(202, ignored);
        }
        CmsArticle article = PayloadMapper.map(source.profile(), source.fields(), payload, source.siteUrl());
        String collection = source.profile().collection(source.collection(), payload);
        if (queue != null) {
            ObjectNode job = Job.of(requestJson(article), null, delivery.cms(), article.id(), collection);
            if (Json.write(job).getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_QUEUED_JOB_BYTES) {
                reader.read(job.get("request"));
                String messageId = queue.send(List.of(job)).get(0);
                LOG.infof("webhook %s queued", delivery.cms());
                return new Answer(202, Json.MAPPER.createObjectNode().put("status", "queued").put("messageId", messageId));
            }
        }
        CmsReader cmsReader = source.reader() == null ? null : source.reader().get();
        if (!article.hasBody() && cmsReader != null && article.id() != null) {
            article = article.or(cmsReader.read(article, payload));
        }
        Brief brief = briefs.analyze(reader.read(requestJson(article)));
        DeliveryContext context = new DeliveryContext(article.id(), collection, payload);
        List<DeliveryResult> results = deliveries.deliver(brief, context, delivery.cms(), null);
        boolean allFailed = !results.isEmpty() && results.stream().allMatch(DeliveryResult::failed);
        LOG.infof("webhook %s analyzed; deliveries %s", delivery.cms(),
                results.stream().map(r -> r.target() + "=" + r.outcome()).toList());
        if (allFailed) {
            throw new ProblemException(ProblemType.DELIVERY_FAILED.problem("Every delivery failed; the sender may retry.",
                    results.stream().map(r -> new FieldError("/deliveries/" + r.target(), r.detail())).toList()));
        }
        return new Answer(200, receipt(brief, results));
    }

    private static JsonNode receipt(Brief brief, List<DeliveryResult> results) {
        ObjectNode receipt = Json.MAPPER.createObjectNode();
        receipt.put("status", "analyzed");
        receipt.put("id", brief.id());
        receipt.put("contentHash", brief.contentHash());
        ArrayNode deliveries = receipt.putArray("deliveries");
        results.forEach(result -> deliveries.add(Json.tree(result)));
        receipt.set("brief", Json.tree(brief));
        return receipt;
    }

    /**
     * The article request for a mapped item, as JSON for the same validation as any other. Optional fields a
     * CMS fills loosely (a relative URL, a date without an offset, a locale such as {@code en_US}) are left
     * out rather than failing the delivery.
     */
    private static ObjectNode requestJson(CmsArticle article) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        putCut(json, "id", article.id(), 256);
        putCut(json, "title", article.title(), 1_000);
        if (article.hasBody()) {
            Optional<List<String>> paragraphs = RichText.paragraphs(article.body());
            if (paragraphs.isPresent()) {
                json.put("body", String.join("\n\n", paragraphs.get()));
                json.put("format", "text");
            } else if (article.body().isTextual()) {
                json.put("body", article.body().textValue());
            }
        }
        String url = article.url();
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            json.put("url", url);
        }
        if (article.publishedAt() != null && isOffsetDateTime(article.publishedAt())) {
            json.put("publishedAt", article.publishedAt());
        }
        String language = article.language() == null ? null : article.language().replace('_', '-');
        if (language != null && LANGUAGE_TAG.matcher(language).matches()) {
            json.put("language", language);
        }
        if (!json.has("body") && !json.has("url")) {
            throw new ProblemException(ProblemType.NOTHING_TO_ANALYZE.problem(
                    "The delivery carries neither the article's body nor its URL, and no read API is configured for it."));
        }
        return json;
    }

    private static void putCut(ObjectNode json, String field, String value, int maxChars) {
        if (value != null && !value.isBlank()) {
            json.put(field, value.length() > maxChars ? value.substring(0, value.offsetByCodePoints(0,
                    Math.min(maxChars, value.codePointCount(0, value.length())))) : value);
        }
    }

    private static boolean isOffsetDateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}

package dev.precis.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.ArticleRequest;
import dev.precis.api.ArticleRequestReader;
import dev.precis.api.Brief;
import dev.precis.api.FieldError;
import dev.precis.api.Json;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import dev.precis.deliver.Delivery;
import dev.precis.deliver.DeliveryContext;
import dev.precis.deliver.DeliveryResult;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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

    private final Map<String, WebhookSource> sources;
    private final Map<String, Supplier<Delivery>> writers;
    private final List<Supplier<Delivery>> everywhere;
    private final BriefService briefs;
    private final ArticleRequestReader reader;
    private final Duration tolerance;
    private final Clock clock;

    /**
     * @param writers    the write-back of each CMS that has one configured
     * @param everywhere deliveries every brief goes to (the signed callback)
     */
    public WebhookService(Map<String, WebhookSource> sources, Map<String, Supplier<Delivery>> writers,
                          List<Supplier<Delivery>> everywhere, BriefService briefs, ArticleRequestReader reader,
                          Duration tolerance, Clock clock) {
        this.sources = Map.copyOf(sources);
        this.writers = Map.copyOf(writers);
        this.everywhere = List.copyOf(everywhere);
        this.briefs = briefs;
        this.reader = reader;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** The answer to one delivery: its HTTP status and JSON body. */
    public record Answer(int status, JsonNode body) {
    }

    public Answer handle(WebhookDelivery delivery) {
        WebhookSource source = sources.get(delivery.cms());
        if (source == null) {
            throw new ProblemException(ProblemType.NOT_FOUND.problem("No webhook is enabled for this CMS; enabled: "
                    + (sources.isEmpty() ? "none" : String.join(", ", sources.keySet().stream().sorted().toList())) + "."));
        }
        source.profile().signature().verify(delivery, source.secret().get(), clock.instant(), tolerance);
        JsonNode payload = Json.parse(delivery.bodyText());
        WebhookEvent event = source.profile().event(delivery, payload, source.fields());
        if (!event.analyze()) {
            LOG.infof("webhook %s ignored: %s", delivery.cms(), event.reason());
            ObjectNode ignored = Json.MAPPER.createObjectNode().put("status", "ignored").put("reason", event.reason());
            return new Answer(202, ignored);
        }
        CmsArticle article = PayloadMapper.map(source.profile(), source.fields(), payload, source.siteUrl());
        CmsReader cmsReader = source.reader() == null ? null : source.reader().get();
        if (!article.hasBody() && cmsReader != null && article.id() != null) {
            article = article.or(cmsReader.read(article, payload));
        }
        Brief brief = briefs.analyze(request(article));
        DeliveryContext context = new DeliveryContext(article.id(),
                source.profile().collection(source.collection(), payload), payload);
        List<DeliveryResult> results = deliver(brief, context, writers.get(delivery.cms()));
        boolean allFailed = !results.isEmpty() && results.stream().allMatch(DeliveryResult::failed);
        LOG.infof("webhook %s analyzed; deliveries %s", delivery.cms(),
                results.stream().map(r -> r.target() + "=" + r.outcome()).toList());
        if (allFailed) {
            throw new ProblemException(ProblemType.DELIVERY_FAILED.problem("Every delivery failed; the sender may retry.",
                    results.stream().map(r -> new FieldError("/deliveries/" + r.target(), r.detail())).toList()));
        }
        return new Answer(200, receipt(brief, results));
    }

    private List<DeliveryResult> deliver(Brief brief, DeliveryContext context, Supplier<Delivery> writer) {
        List<Supplier<Delivery>> targets = new ArrayList<>();
        if (writer != null) {
            targets.add(writer);
        }
        targets.addAll(everywhere);
        List<DeliveryResult> results = new ArrayList<>();
        for (Supplier<Delivery> target : targets) {
            results.add(target.get().deliver(brief, context));
        }
        return results;
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
     * The article request for a mapped item, validated like any other. Optional fields a CMS fills
     * loosely (a relative URL, a date without an offset, a locale such as {@code en_US}) are left out rather
     * than failing the delivery.
     */
    private ArticleRequest request(CmsArticle article) {
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
        return reader.read(json);
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

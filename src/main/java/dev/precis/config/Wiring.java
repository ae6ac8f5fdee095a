package dev.precis.config;

import dev.precis.api.ArticleRequest;
import dev.precis.api.ArticleRequestReader;
import dev.precis.api.Format;
import dev.precis.app.BriefService;
import dev.precis.app.Deliveries;
import dev.precis.app.JobService;
import dev.precis.app.Parallel;
import dev.precis.app.SweepService;
import dev.precis.app.WorkDeadline;
import dev.precis.app.WebhookService;
import dev.precis.deliver.Delivery;
import dev.precis.deliver.queue.JobQueue;
import dev.precis.engine.llm.LlmEngine;
import dev.precis.deliver.queue.SqsJobQueue;
import dev.precis.deliver.s3.S3Sink;
import dev.precis.engine.EmbeddedEngine;
import dev.precis.function.EmfMetrics;
import dev.precis.function.EventDispatcher;
import dev.precis.function.Services;
import dev.precis.ingest.feed.FeedReader;
import dev.precis.ingest.feed.GhostPostsReader;
import dev.precis.ingest.feed.JsonFeedReader;
import dev.precis.ingest.feed.SitemapReader;
import dev.precis.ingest.feed.SyndicationReader;
import dev.precis.ingest.feed.WordPressPostsReader;
import dev.precis.ingest.fetch.FetchSettings;
import dev.precis.ingest.fetch.PageFetcher;
import dev.precis.ingest.page.PageExtractor;
import dev.precis.net.GuardedHttpClient;
import dev.precis.net.JsonHttp;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the application from configuration: shared by the Lambda function and the CLI so both run the
 * same code. Nothing else in the project depends on this package.
 */
public final class Wiring {

    private static final String WARM_UP_TEXT = "Precis warms up its models. The engine reads one short sentence.";

    private final PrecisSettings settings;
    private final EmbeddedEngine engine;
    private final BriefService briefs;
    private final WebhookService webhooks;
    private final JobService jobs;
    private final SweepService sweeps;
    private final Parallel workers;

    /** @param vertx the Vert.x instance outbound HTTP runs on; asked for only when a page is first fetched */
    public Wiring(Config config, Supplier<Vertx> vertx) {
        this.settings = PrecisSettings.from(config);
        this.engine = new EmbeddedEngine(settings.disabledStages(), settings.version());
        // One analysis loads the sentence model and lexicons now rather than during the first invocation.
        engine.analyze(ArticleRequest.ofBody(WARM_UP_TEXT, Format.TEXT));
        FetchSettings fetch = settings.fetch();
        GuardedHttpClient http = new GuardedHttpClient(vertx, fetch.allowHosts(), fetch.ports(), fetch.connectTimeout(),
                fetch.userAgent());
        PageFetcher fetcher = new PageFetcher(http, fetch);
        Secrets secrets = new Secrets();
        LlmEngine llm = LlmWiring.engine(config, secrets, fetch.connectTimeout(), fetch.userAgent(), WorkDeadline::current);
        this.briefs = new BriefService(engine, fetcher, new PageExtractor(), settings.limits(), llm);
        ArticleRequestReader reader = new ArticleRequestReader(settings.limits());
        JsonHttp apis = new JsonHttp(fetch.connectTimeout(), fetch.timeout(), fetch.userAgent());
        WebhookWiring cms = new WebhookWiring(config, secrets, apis, http);

        Map<String, Supplier<Delivery>> everywhere = new LinkedHashMap<>();
        Supplier<Delivery> callback = cms.callback();
        if (callback != null) {
            everywhere.put("callback", callback);
        }
        Supplier<Delivery> s3 = s3Sink(config);
        if (s3 != null) {
            everywhere.put("s3", s3);
        }
        Deliveries deliveries = new Deliveries(everywhere, cms.writers());
        JobQueue queue = queue(config);
        String mode = config.getOptionalValue("precis.webhooks.mode", String.class).map(String::strip).orElse("inline");
        if (!mode.equals("inline") && !mode.equals("queue")) {
            throw new IllegalArgumentException("precis.webhooks.mode is inline or queue, not \"" + mode + "\"");
        }
        boolean queueWebhooks = mode.equals("queue");
        if (queueWebhooks && queue == null) {
            throw new IllegalArgumentException("precis.webhooks.mode=queue needs precis.queue.url");
        }
        this.webhooks = new WebhookService(cms.sources(), deliveries, briefs, reader, cms.tolerance(), Clock.systemUTC(),
                queueWebhooks ? queue : null);
        this.jobs = new JobService(briefs, deliveries, reader);
        Map<String, FeedReader> readers = Map.of("rss", new SyndicationReader(fetcher), "atom", new SyndicationReader(fetcher),
                "jsonfeed", new JsonFeedReader(fetcher), "sitemap", new SitemapReader(fetcher),
                "wordpress", new WordPressPostsReader(fetcher), "ghost", new GhostPostsReader(fetcher));
        this.workers = new Parallel(settings.queueWorkers());
        this.sweeps = new SweepService(readers, jobs, queue, workers, new EmfMetrics()::sourceFailed);
    }

    private static Supplier<Delivery> s3Sink(Config config) {
        String bucket = config.getOptionalValue("precis.deliver.s3.bucket", String.class).map(String::strip)
                .filter(s -> !s.isEmpty()).orElse(null);
        if (bucket == null) {
            return null;
        }
        String prefix = config.getOptionalValue("precis.deliver.s3.prefix", String.class).orElse("briefs");
        String kmsKey = config.getOptionalValue("precis.deliver.s3.kms-key", String.class).filter(s -> !s.isBlank()).orElse(null);
        return Lazy.of(() -> new S3Sink(S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                bucket, prefix, kmsKey, Clock.systemUTC()));
    }

    private static JobQueue queue(Config config) {
        String url = config.getOptionalValue("precis.queue.url", String.class).map(String::strip).filter(s -> !s.isEmpty())
                .orElse(null);
        if (url == null) {
            return null;
        }
        Supplier<SqsJobQueue> queue = Lazy.of(() -> new SqsJobQueue(SqsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build(), url));
        return jobs -> queue.get().send(jobs);
    }

    public EventDispatcher dispatcher() {
        return new EventDispatcher(new Services(new ArticleRequestReader(settings.limits()), briefs, webhooks, jobs, sweeps,
                workers, settings.sweep(), settings.invocationTimeout(), settings.version()));
    }

    public BriefService briefs() {
        return briefs;
    }

    public JobService jobs() {
        return jobs;
    }

    public SweepService sweeps() {
        return sweeps;
    }

    public EmbeddedEngine engine() {
        return engine;
    }

    public PrecisSettings settings() {
        return settings;
    }
}

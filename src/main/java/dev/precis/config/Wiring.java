package dev.precis.config;

import dev.precis.api.ArticleRequest;
import dev.precis.api.ArticleRequestReader;
import dev.precis.api.Format;
import dev.precis.app.BriefService;
import dev.precis.app.WebhookService;
import dev.precis.engine.EmbeddedEngine;
import dev.precis.function.EventDispatcher;
import dev.precis.function.Services;
import dev.precis.ingest.fetch.FetchSettings;
import dev.precis.ingest.fetch.PageFetcher;
import dev.precis.ingest.page.PageExtractor;
import dev.precis.net.GuardedHttpClient;
import dev.precis.net.JsonHttp;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.config.Config;

import java.util.function.Supplier;

/**
 * Builds the application from settings: shared by the Lambda function and the CLI so both run the same
 * code. Nothing else in the project depends on this package.
 */
public final class Wiring {

    private static final String WARM_UP_TEXT = "Precis warms up its models. The engine reads one short sentence.";

    private final PrecisSettings settings;
    private final EmbeddedEngine engine;
    private final BriefService briefs;
    private final WebhookService webhooks;

    /** @param vertx the Vert.x instance outbound HTTP runs on; asked for only when a page is first fetched */
    public Wiring(Config config, Supplier<Vertx> vertx) {
        PrecisSettings settings = PrecisSettings.from(config);
        this.settings = settings;
        this.engine = new EmbeddedEngine(settings.disabledStages(), settings.version());
        // One analysis loads the sentence model and lexicons now rather than during the first invocation.
        engine.analyze(ArticleRequest.ofBody(WARM_UP_TEXT, Format.TEXT));
        FetchSettings fetch = settings.fetch();
        GuardedHttpClient http = new GuardedHttpClient(vertx, fetch.allowHosts(), fetch.ports(), fetch.connectTimeout(),
                fetch.userAgent());
        this.briefs = new BriefService(engine, new PageFetcher(http, fetch), new PageExtractor(), settings.limits());
        JsonHttp apis = new JsonHttp(fetch.connectTimeout(), fetch.timeout(), fetch.userAgent());
        this.webhooks = new WebhookWiring(config, new Secrets(), apis, http)
                .service(briefs, new ArticleRequestReader(settings.limits()));
    }

    public EventDispatcher dispatcher() {
        return new EventDispatcher(new Services(new ArticleRequestReader(settings.limits()), briefs, webhooks,
                settings.version()));
    }

    public BriefService briefs() {
        return briefs;
    }

    public EmbeddedEngine engine() {
        return engine;
    }

    public PrecisSettings settings() {
        return settings;
    }
}

package dev.precis.app;

import dev.precis.api.RequestLimits;
import dev.precis.engine.EngineFixture;
import dev.precis.ingest.fetch.FetchSettings;
import dev.precis.ingest.fetch.PageFetcher;
import dev.precis.ingest.page.PageExtractor;
import dev.precis.net.GuardedHttpClient;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.List;

/** The application flow on the shared test engine, with the fetcher's settings chosen per test. */
public final class AppFixture {

    /** One Vert.x instance for every test that makes outbound calls. */
    public static final Vertx VERTX = Vertx.vertx();
    public static final BriefService BRIEFS = briefs(FetchSettings.defaults("precis-test"));

    private AppFixture() {
    }

    public static BriefService briefs(FetchSettings fetch) {
        return new BriefService(EngineFixture.ENGINE, new PageFetcher(client(fetch), fetch), new PageExtractor(),
                RequestLimits.defaults());
    }

    public static GuardedHttpClient client(FetchSettings fetch) {
        return new GuardedHttpClient(() -> VERTX, fetch.allowHosts(), fetch.ports(), fetch.connectTimeout(), fetch.userAgent());
    }

    /** Fetch settings for a test origin on loopback, with short timeouts so slow-origin tests stay quick. */
    public static FetchSettings loopback(Duration timeout) {
        FetchSettings defaults = FetchSettings.defaults("precis-test");
        return new FetchSettings(List.of("127.0.0.1", "::1"), defaults.ports(), defaults.userAgent(),
                Duration.ofSeconds(1), timeout, defaults.maxBytes(), defaults.maxRedirects());
    }
}

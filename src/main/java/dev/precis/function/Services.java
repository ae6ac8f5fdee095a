package dev.precis.function;

import dev.precis.api.ArticleRequestReader;
import dev.precis.app.BriefService;
import dev.precis.app.JobService;
import dev.precis.app.Parallel;
import dev.precis.app.SweepDefaults;
import dev.precis.app.SweepService;
import dev.precis.app.WebhookService;

import java.time.Duration;

/**
 * What the event adapters hand work to: the application's services and what they share.
 *
 * @param workers           the bounded pool queue and batch records are analyzed on
 * @param invocationTimeout the function's timeout, for when the Lambda context cannot say how much time is left
 * @param version           the deployed version, for {@code GET /v1/health}
 */
public record Services(ArticleRequestReader reader, BriefService briefs, WebhookService webhooks, JobService jobs,
                       SweepService sweeps, Parallel workers, SweepDefaults sweepDefaults, Duration invocationTimeout,
                       String version) {

    /** Services for the HTTP routes and direct invocation only (tests of those paths). */
    public static Services forRequests(ArticleRequestReader reader, BriefService briefs, WebhookService webhooks, String version) {
        return new Services(reader, briefs, webhooks, null, null, null, null, Duration.ofSeconds(29), version);
    }
}

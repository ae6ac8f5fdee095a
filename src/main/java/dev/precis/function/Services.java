package dev.precis.function;

import dev.precis.api.ArticleRequestReader;
import dev.precis.app.BriefService;
import dev.precis.app.WebhookService;

/**
 * What the event adapters hand work to: the application's services and the request validation they share.
 *
 * @param version the deployed version, for {@code GET /v1/health}
 */
public record Services(ArticleRequestReader reader, BriefService briefs, WebhookService webhooks, String version) {
}

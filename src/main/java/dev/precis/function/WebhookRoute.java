package dev.precis.function;

import dev.precis.app.WebhookService;

import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /v1/webhooks/{cms}}: the raw request, body bytes as sent (after base64 decoding) and path as the
 * sender called it, goes to the webhook service; its answer (200 receipt, 202 ignored) comes back as is.
 */
final class WebhookRoute implements Router.Route {

    private final WebhookService webhooks;

    WebhookRoute(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public HttpResponse handle(HttpRequest request, Map<String, String> parameters) {
        String cms = parameters.getOrDefault("cms", "").toLowerCase(Locale.ROOT);
        WebhookService.Answer answer = webhooks.handle(cms, request.method(), request.target(), request.headers(), request.body());
        return HttpResponse.json(answer.status(), answer.body());
    }
}

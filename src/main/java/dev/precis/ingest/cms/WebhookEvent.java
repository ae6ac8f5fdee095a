package dev.precis.ingest.cms;

/**
 * What a delivery announces: a published item to analyze, or something to acknowledge and leave alone
 * (a draft, an unpublish, a delete, a test ping), with the reason the sender is told.
 */
public record WebhookEvent(boolean analyze, String reason) {

    public static WebhookEvent analyzeIt() {
        return new WebhookEvent(true, null);
    }

    public static WebhookEvent ignore(String reason) {
        return new WebhookEvent(false, reason);
    }
}

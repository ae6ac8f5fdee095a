package dev.precis.ingest.cms;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One webhook request as the sender made it: the raw body bytes (signatures cover them exactly as sent),
 * header names in lower case, and the path as the sender called it (with a stage prefix and query string,
 * as Contentful signs it).
 */
public record WebhookDelivery(String cms, String method, String path, Map<String, String> headers, byte[] body) {

    public WebhookDelivery {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        headers = Map.copyOf(lower);
        body = body == null ? new byte[0] : body;
    }

    /** A header's value, or null; names are matched in lower case. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

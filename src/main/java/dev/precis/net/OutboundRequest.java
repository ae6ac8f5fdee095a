package dev.precis.net;

import java.net.URI;
import java.util.Map;

/**
 * One HTTP request precis makes to a server it does not control.
 *
 * @param maxResponseBytes the most of the response body that is read; the rest is cut off
 */
public record OutboundRequest(String method, URI uri, Map<String, String> headers, byte[] body, long maxResponseBytes) {

    public OutboundRequest {
        headers = Map.copyOf(headers);
    }

    public static OutboundRequest get(URI uri, Map<String, String> headers, long maxResponseBytes) {
        return new OutboundRequest("GET", uri, headers, null, maxResponseBytes);
    }
}

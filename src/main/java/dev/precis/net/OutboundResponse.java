package dev.precis.net;

import java.util.List;
import java.util.Map;

/**
 * What a server answered. Header names are lower case.
 *
 * @param truncated whether the body was longer than the request allowed and was cut
 */
public record OutboundResponse(int status, Map<String, List<String>> headers, byte[] body, boolean truncated) {

    public OutboundResponse {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}

package dev.precis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** API Gateway HTTP API (payload 2.0) events as Lambda receives them, for tests of HTTP routes. */
public final class ApiEvents {

    private ApiEvents() {
    }

    public static ObjectNode httpApi(String method, String path, Map<String, String> headers, byte[] body, boolean base64) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        ObjectNode h = event.putObject("headers");
        headers.forEach((name, value) -> h.put(name.toLowerCase(java.util.Locale.ROOT), value));
        ObjectNode context = event.putObject("requestContext");
        context.put("stage", "$default");
        context.put("requestId", "req-webhook");
        context.putObject("http").put("method", method).put("path", path);
        if (body != null) {
            event.put("body", base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
        }
        event.put("isBase64Encoded", base64);
        return event;
    }
}

package dev.precis.net;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import dev.precis.net.JsonHttp;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Small pieces the CMS read APIs share: addresses, query escaping, credentials and failures. */
public final class ApiCalls {

    private ApiCalls() {
    }

    /** The base URL (without a trailing slash) joined to a path that starts with a slash. */
    public static URI at(String baseUrl, String path) {
        return URI.create(baseUrl.replaceAll("/+$", "") + path);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    public static Map<String, String> basic(String user, String password) {
        String pair = user + ":" + password;
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** A successful JSON answer, or a 502 saying which API answered what. */
    public static JsonNode require(JsonHttp.Reply reply, String api) {
        if (!reply.isSuccess()) {
            throw new ProblemException(ProblemType.FETCH_FAILED.problem("The " + api + " answered HTTP " + reply.status() + "."));
        }
        if (reply.json() == null) {
            throw new ProblemException(ProblemType.FETCH_FAILED.problem("The " + api + " did not answer with JSON."));
        }
        return reply.json();
    }
}

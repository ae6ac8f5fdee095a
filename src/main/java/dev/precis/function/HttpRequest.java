package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request as API Gateway delivers it, payload 2.0 or 1.0, reduced to what routing needs. The path
 * is the route: {@code routeKey} where the API has one, else the raw path with the stage prefix removed.
 * {@code target} is the path and query as the client called them (stage prefix included), which is what
 * some webhook senders sign.
 */
record HttpRequest(String method, String path, String target, Map<String, String> headers, Map<String, String> query,
                   Map<String, String> pathParameters, byte[] body) {

    static HttpRequest fromApiGateway(JsonNode event) {
        JsonNode context = event.path("requestContext");
        String method = firstText(context.path("http").path("method"), event.path("httpMethod")).toUpperCase(Locale.ROOT);
        String stage = context.path("stage").asText("");
        // Payload 2.0's rawPath carries the stage; 1.0's path does not (its requestContext.path does).
        String path = event.path("rawPath").isTextual()
                ? routePath(event.path("routeKey").asText(""), event.path("rawPath").textValue(), stage)
                : event.path("path").asText("/");
        Map<String, String> headers = new LinkedHashMap<>();
        event.path("headers").fields().forEachRemaining(h -> {
            if (h.getValue().isTextual()) {
                headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().textValue());
            }
        });
        Map<String, String> query = textFields(event.path("queryStringParameters"));
        return new HttpRequest(method, path, target(event, context, query), headers, query,
                textFields(event.path("pathParameters")), body(event));
    }

    /** Payload 2.0 keeps the raw path and query; 1.0 keeps the staged path, and its query only as parameters. */
    private static String target(JsonNode event, JsonNode context, Map<String, String> query) {
        if (event.path("rawPath").isTextual()) {
            String raw = event.path("rawQueryString").asText("");
            return event.path("rawPath").textValue() + (raw.isEmpty() ? "" : "?" + raw);
        }
        String path = context.path("path").asText(event.path("path").asText("/"));
        if (query.isEmpty()) {
            return path;
        }
        // Rebuilt as a browser or Node would have written it, every value of a repeated name included, so a
        // signature over the path and query (Contentful's) sees what the sender signed.
        StringBuilder target = new StringBuilder(path).append('?');
        JsonNode multi = event.path("multiValueQueryStringParameters");
        query.forEach((name, value) -> {
            JsonNode values = multi.path(name);
            for (String each : values.isArray() && !values.isEmpty() ? texts(values) : List.of(value)) {
                target.append(target.charAt(target.length() - 1) == '?' ? "" : "&").append(component(name)).append('=')
                        .append(component(each));
            }
        });
        return target.toString();
    }

    private static List<String> texts(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(value -> texts.add(value.asText("")));
        return texts;
    }

    /** Percent-encoding as JavaScript's encodeURIComponent does it: "%20" for a space, and !'()*~ as they are. */
    static String component(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%21", "!").replace("%27", "'")
                .replace("%28", "(").replace("%29", ")").replace("%7E", "~");
    }

    private static Map<String, String> textFields(JsonNode object) {
        Map<String, String> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = object.fields();
        entries.forEachRemaining(field -> {
            if (field.getValue().isTextual()) {
                fields.put(field.getKey(), field.getValue().textValue());
            }
        });
        return fields;
    }

    private static String routePath(String routeKey, String rawPath, String stage) {
        int space = routeKey.indexOf(' ');
        if (space > 0 && !routeKey.startsWith("$")) {
            return routeKey.substring(space + 1);
        }
        String prefix = "/" + stage;
        if (!stage.isEmpty() && !stage.equals("$default") && (rawPath.equals(prefix) || rawPath.startsWith(prefix + "/"))) {
            rawPath = rawPath.substring(prefix.length());
        }
        return rawPath.isEmpty() ? "/" : rawPath;
    }

    private static String firstText(JsonNode first, JsonNode second) {
        return first.isTextual() ? first.textValue() : second.asText("");
    }

    private static byte[] body(JsonNode event) {
        JsonNode body = event.path("body");
        if (!body.isTextual()) {
            return null;
        }
        if (event.path("isBase64Encoded").asBoolean(false)) {
            try {
                return Base64.getDecoder().decode(body.textValue());
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ProblemType.INVALID_REQUEST.problem(
                        "The request body is marked base64-encoded but is not valid base64."));
            }
        }
        return body.textValue().getBytes(StandardCharsets.UTF_8);
    }

    String header(String name) {
        return headers.get(name);
    }

    /** The media type without parameters, lower case; empty when the request has none. */
    String mediaType() {
        String contentType = header("content-type");
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The body decoded with the charset the content type names (UTF-8 by default), strictly. */
    String bodyText() {
        if (body == null) {
            return null;
        }
        Charset charset = charset();
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST.problem(
                    "The request body is not valid " + charset.name() + "."));
        }
    }

    private Charset charset() {
        String contentType = header("content-type");
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String[] pair = parameter.strip().split("=", 2);
                if (pair.length == 2 && pair[0].equalsIgnoreCase("charset")) {
                    try {
                        return Charset.forName(pair[1].strip().replace("\"", ""));
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE.problem(
                                "The charset of the content type is not supported."));
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}

package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.ArticleRequestReader;
import dev.precis.api.Format;
import dev.precis.api.Json;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import dev.precis.app.BriefService;

import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1/briefs}: a JSON article request, or the article itself as text/plain, text/html or
 * text/markdown with options as query parameters. Both paths meet in {@link ArticleRequestReader}, so
 * validation is the same whichever way the article comes.
 */
final class BriefsRoute implements Router.Route {

    private static final Map<String, Format> ARTICLE_TYPES = Map.of(
            "text/plain", Format.TEXT, "text/html", Format.HTML, "application/xhtml+xml", Format.HTML,
            "text/markdown", Format.MARKDOWN, "text/x-markdown", Format.MARKDOWN);
    private static final Set<String> OPTION_PARAMETERS = Set.copyOf(ArticleRequestReader.OPTION_FIELDS);
    private static final Set<String> INTEGER_PARAMETERS = Set.of("summarySentences", "keyPoints", "maxTags");

    private final ArticleRequestReader reader;
    private final BriefService service;

    BriefsRoute(ArticleRequestReader reader, BriefService service) {
        this.reader = reader;
        this.service = service;
    }

    @Override
    public HttpResponse handle(HttpRequest request, Map<String, String> parameters) {
        String mediaType = request.mediaType();
        boolean form = mediaType.equals("application/x-www-form-urlencoded");
        if (!isJson(mediaType) && !form && !ARTICLE_TYPES.containsKey(mediaType)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE.problem("Send application/json (an article "
                    + "request) or the article as text/plain, text/html or text/markdown."));
        }
        String text = request.bodyText();
        if (text == null || text.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST.problem("The request has no body."));
        }
        JsonNode json;
        if (isJson(mediaType)) {
            json = Json.parse(text);
        } else if (form) {
            json = formAsJson(text);
        } else {
            json = fromQuery(text, ARTICLE_TYPES.get(mediaType), request.query());
        }
        return HttpResponse.ok(Json.tree(service.analyze(reader.read(json))));
    }

    private static boolean isJson(String mediaType) {
        return mediaType.isEmpty() || mediaType.equals(HttpResponse.JSON) || mediaType.endsWith("+json");
    }

    /** {@code curl -d} sends JSON labelled as a form; accept it when it really is a JSON object. */
    private static JsonNode formAsJson(String text) {
        try {
            JsonNode json = Json.parse(text);
            if (json.isObject()) {
                return json;
            }
        } catch (ProblemException e) {
            // a real form post: answered below
        }
        throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE.problem(
                "Form posts are not supported; send the article request as application/json."));
    }

    private static JsonNode fromQuery(String body, Format format, Map<String, String> query) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ObjectNode options = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            String name = parameter.getKey();
            String value = parameter.getValue();
            ObjectNode target = OPTION_PARAMETERS.contains(name) ? options : json;
            if (INTEGER_PARAMETERS.contains(name) && value.matches("-?\\d{1,9}")) {
                target.put(name, Integer.parseInt(value));
            } else if (name.equals("includeText") && (value.equals("true") || value.equals("false"))) {
                target.put(name, Boolean.parseBoolean(value));
            } else {
                target.put(name, value);
            }
        }
        if (!options.isEmpty()) {
            json.set("options", options);
        }
        // The content type decides these two; query parameters of the same name do not override them.
        json.put("body", body);
        json.put("format", format.wireName());
        return json;
    }
}

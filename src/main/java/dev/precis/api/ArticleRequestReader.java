package dev.precis.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a JSON object into a validated {@link ArticleRequest}, collecting every violation before answering
 * so the caller can fix them all at once. No type coercion: a number in a string field is an error.
 */
public final class ArticleRequestReader {

    public static final List<String> FIELDS =
            List.of("id", "title", "body", "format", "url", "language", "publishedAt", "options");
    public static final List<String> OPTION_FIELDS =
            List.of("summarySentences", "keyPoints", "maxTags", "engine", "includeText");
    public static final List<String> ENGINES = List.of("embedded", "llm", "auto");

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final int URL_MAX_CHARS = 2_048;

    private final RequestLimits limits;

    public ArticleRequestReader(RequestLimits limits) {
        this.limits = limits;
    }

    public ArticleRequest read(JsonNode json) {
        Violations violations = new Violations();
        if (json == null || !json.isObject()) {
            violations.add("", "the request must be a JSON object with at least a \"body\" field", ProblemType.INVALID_REQUEST);
            throw violations.toProblem();
        }
        rejectUnknown(json, FIELDS, "", violations);
        String id = text(json, "id", limits.idMaxCodePoints(), ProblemType.INVALID_REQUEST, violations);
        String title = text(json, "title", limits.titleMaxCodePoints(), ProblemType.INVALID_REQUEST, violations);
        Format format = format(json, violations);
        // HTML may be a whole page, so it may be longer; an AUTO body is held to the text limit once its
        // format is known (BriefService), since telling HTML from text needs the whole body.
        int bodyLimit = format == Format.TEXT || format == Format.MARKDOWN
                ? limits.bodyMaxCodePoints() : limits.anyBodyMaxCodePoints();
        String body = text(json, "body", bodyLimit, ProblemType.TOO_LARGE, violations);
        String url = url(json, violations);
        if (body == null && url == null && !violations.mentions("/body") && !violations.mentions("/url")) {
            violations.add("/body", "is required unless \"url\" is given: the article as plain text, HTML or Markdown",
                    ProblemType.INVALID_REQUEST);
        }
        String language = language(json, violations);
        String publishedAt = publishedAt(json, violations);
        ArticleOptions options = options(json.get("options"), violations);
        if (!violations.isEmpty()) {
            throw violations.toProblem();
        }
        return new ArticleRequest(id, title, body, format, url, language, publishedAt, options);
    }

    private static void rejectUnknown(JsonNode object, List<String> accepted, String prefix, Violations violations) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!accepted.contains(name)) {
                violations.add(prefix + "/" + pointerEscape(name),
                        "unknown field; accepted fields are: " + String.join(", ", accepted), ProblemType.INVALID_REQUEST);
            }
        }
    }

    private static String pointerEscape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode present(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static String text(JsonNode object, String name, int maxCodePoints, ProblemType overLimit, Violations violations) {
        JsonNode value = present(object, name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            violations.add("/" + name, "must be a string, not " + jsonType(value), ProblemType.INVALID_REQUEST);
            return null;
        }
        String text = value.textValue();
        int length = text.codePointCount(0, text.length());
        if (length > maxCodePoints) {
            violations.add("/" + name, "is " + length + " characters long; the limit is " + maxCodePoints, overLimit);
            return null;
        }
        return text;
    }

    private static Format format(JsonNode json, Violations violations) {
        JsonNode value = present(json, "format");
        if (value == null) {
            return Format.AUTO;
        }
        if (!value.isTextual()) {
            violations.add("/format", "must be a string, not " + jsonType(value), ProblemType.INVALID_REQUEST);
            return Format.AUTO;
        }
        return Format.fromWireName(value.textValue()).orElseGet(() -> {
            violations.add("/format", "is not a supported format; use one of: " + Format.acceptedNames(),
                    ProblemType.UNSUPPORTED_MEDIA_TYPE);
            return Format.AUTO;
        });
    }

    private static String url(JsonNode json, Violations violations) {
        String url = text(json, "url", URL_MAX_CHARS, ProblemType.INVALID_REQUEST, violations);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            boolean hasAuthority = uri.getRawAuthority() != null && !uri.getRawAuthority().isBlank();
            if (hasAuthority && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below like any other unusable link
        }
        violations.add("/url", "must be an absolute http or https URL", ProblemType.INVALID_REQUEST);
        return null;
    }

    private static String language(JsonNode json, Violations violations) {
        String language = text(json, "language", 35, ProblemType.INVALID_REQUEST, violations);
        if (language != null && !LANGUAGE_TAG.matcher(language).matches()) {
            violations.add("/language", "must be a BCP 47 language tag such as \"en\" or \"pt-BR\"", ProblemType.INVALID_REQUEST);
            return null;
        }
        return language;
    }

    private static String publishedAt(JsonNode json, Violations violations) {
        String value = text(json, "publishedAt", 64, ProblemType.INVALID_REQUEST, violations);
        if (value == null) {
            return null;
        }
        try {
            OffsetDateTime.parse(value);
            return value;
        } catch (DateTimeParseException e) {
            violations.add("/publishedAt", "must be an RFC 3339 date-time such as 2026-11-27T10:00:00Z", ProblemType.INVALID_REQUEST);
            return null;
        }
    }

    private static ArticleOptions options(JsonNode value, Violations violations) {
        ArticleOptions defaults = ArticleOptions.defaults();
        if (value == null || value.isNull()) {
            return defaults;
        }
        if (!value.isObject()) {
            violations.add("/options", "must be an object, not " + jsonType(value), ProblemType.INVALID_REQUEST);
            return defaults;
        }
        rejectUnknown(value, OPTION_FIELDS, "/options", violations);
        int summarySentences = integer(value, "summarySentences", 1, 20, defaults.summarySentences(), violations);
        int keyPoints = integer(value, "keyPoints", 0, 10, defaults.keyPoints(), violations);
        int maxTags = integer(value, "maxTags", 0, 50, defaults.maxTags(), violations);
        String engine = defaults.engine();
        JsonNode engineNode = present(value, "engine");
        if (engineNode != null) {
            if (!engineNode.isTextual() || !ENGINES.contains(engineNode.textValue())) {
                violations.add("/options/engine", "must be one of: " + String.join(", ", ENGINES), ProblemType.INVALID_REQUEST);
            } else {
                engine = engineNode.textValue();
            }
        }
        boolean includeText = defaults.includeText();
        JsonNode includeTextNode = present(value, "includeText");
        if (includeTextNode != null) {
            if (!includeTextNode.isBoolean()) {
                violations.add("/options/includeText", "must be true or false, not " + jsonType(includeTextNode),
                        ProblemType.INVALID_REQUEST);
            } else {
                includeText = includeTextNode.booleanValue();
            }
        }
        return new ArticleOptions(summarySentences, keyPoints, maxTags, engine, includeText);
    }

    private static int integer(JsonNode options, String name, int min, int max, int fallback, Violations violations) {
        JsonNode value = present(options, name);
        if (value == null) {
            return fallback;
        }
        String field = "/options/" + name;
        if (!value.isIntegralNumber()) {
            violations.add(field, "must be a whole number from " + min + " to " + max + ", not " + jsonType(value),
                    ProblemType.INVALID_REQUEST);
            return fallback;
        }
        if (!value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            violations.add(field, "must be from " + min + " to " + max, ProblemType.INVALID_REQUEST);
            return fallback;
        }
        return value.intValue();
    }

    static String jsonType(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> value.isIntegralNumber() ? "an integer" : "a decimal number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "an unsupported value";
        };
    }

    /** Violations in the order found; the most specific status among them decides the answer. */
    private static final class Violations {
        private final List<FieldError> errors = new ArrayList<>();
        private ProblemType type = ProblemType.INVALID_REQUEST;

        void add(String field, String message, ProblemType kind) {
            errors.add(new FieldError(field, message));
            if (kind == ProblemType.TOO_LARGE || (kind == ProblemType.UNSUPPORTED_MEDIA_TYPE && type != ProblemType.TOO_LARGE)) {
                type = kind;
            }
        }

        boolean mentions(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field));
        }

        boolean isEmpty() {
            return errors.isEmpty();
        }

        ProblemException toProblem() {
            String detail = switch (type) {
                case TOO_LARGE -> "A field is longer than its limit.";
                case UNSUPPORTED_MEDIA_TYPE -> "The article format is not supported.";
                default -> errors.size() == 1 ? "The request has 1 invalid field."
                        : "The request has " + errors.size() + " invalid fields.";
            };
            return new ProblemException(type.problem(detail, errors));
        }
    }
}

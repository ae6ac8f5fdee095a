package dev.precis.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.regex.Pattern;


/**
 * The one strict JSON mapper: no comments, NaN, single quotes, trailing content or duplicate keys (SPEC §2).
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final int MAX_DETAIL_CHARS = 200;
    private static final Pattern SOURCE_NOTE = Pattern.compile("\\s*\\(?(?:start marker at )?\\[Source:[^\\]]*\\]\\)?");

    private Json() {
    }

    /** Parses a whole document, turning any syntax error into a 400 problem that names line and column. */
    public static JsonNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new ProblemException(ProblemType.MALFORMED_JSON.problem("The document is empty."));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    public static ProblemException malformed(JsonProcessingException e) {
        String reason = e.getOriginalMessage();
        if (reason == null) {
            reason = "syntax error";
        }
        int newline = reason.indexOf('\n');
        if (newline >= 0) {
            reason = reason.substring(0, newline);
        }
        // Jackson appends where a structure began, naming a redacted source: noise to the caller.
        reason = SOURCE_NOTE.matcher(reason).replaceAll("").strip();
        if (reason.length() > MAX_DETAIL_CHARS) {
            reason = reason.substring(0, MAX_DETAIL_CHARS) + "…";
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return new ProblemException(ProblemType.MALFORMED_JSON.problem("The document is not valid JSON" + where + ": " + reason));
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}

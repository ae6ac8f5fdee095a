package dev.precis.engine.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.engine.topic.MediaTopics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the LLM wrote, checked against the schema it was given: a field missing or of the wrong type makes the
 * answer malformed (asked once more); lengths beyond the brief's limits are cut, lists trimmed to what was
 * asked, unknown topic codes and tag kinds left out. Fields the schema does not have (a "quotes" list) are
 * ignored: quotes come from the text, never from the model.
 */
public record LlmDraft(String headline, List<String> summary, List<String> keyPoints, String excerpt,
                       List<DraftTag> tags, List<String> topics) {

    static final List<String> TAG_KINDS = List.of("person", "organization", "location", "topic", "keyword");
    private static final int MAX_HEADLINE = 200;
    private static final int MAX_TAG_CHARS = 100;

    public record DraftTag(String label, String kind) {
    }

    static LlmDraft parse(JsonNode output, int summarySentences, int keyPoints, int maxTags) {
        String headline = text(output, "headline");
        List<String> summary = strings(output, "summary", summarySentences);
        if (summary.isEmpty()) {
            throw malformed("the summary is empty");
        }
        List<String> points = strings(output, "keyPoints", keyPoints);
        String excerpt = text(output, "excerpt");
        JsonNode tagList = output.get("tags");
        JsonNode topicList = output.get("topics");
        if (tagList == null || !tagList.isArray() || topicList == null || !topicList.isArray()) {
            throw malformed("tags and topics must be lists");
        }
        List<DraftTag> tags = new ArrayList<>();
        for (JsonNode tag : tagList) {
            String label = tag.path("label").asText("").strip();
            String kind = tag.path("kind").asText("");
            if (!tag.isObject() || label.isEmpty()) {
                throw malformed("a tag has no label");
            }
            if (TAG_KINDS.contains(kind) && label.length() <= MAX_TAG_CHARS && tags.size() < maxTags) {
                tags.add(new DraftTag(label, kind));
            }
        }
        List<String> topics = new ArrayList<>();
        Set<String> known = MediaTopics.labels().keySet();
        for (JsonNode topic : topicList) {
            if (topic.isTextual() && known.contains(topic.textValue()) && !topics.contains(topic.textValue())) {
                topics.add(topic.textValue());
            }
        }
        return new LlmDraft(shorten(headline, MAX_HEADLINE), summary, points,
                shorten(excerpt, BriefPrompt.MAX_EXCERPT_CHARS), List.copyOf(tags), List.copyOf(topics));
    }

    private static String text(JsonNode output, String field) {
        JsonNode value = output.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw malformed("\"" + field + "\" must be a non-empty string");
        }
        return value.textValue().strip();
    }

    private static List<String> strings(JsonNode output, String field, int most) {
        JsonNode value = output.get(field);
        if (value == null || !value.isArray()) {
            throw malformed("\"" + field + "\" must be a list of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw malformed("\"" + field + "\" must be a list of strings");
            }
            if (!item.textValue().isBlank() && strings.size() < most) {
                strings.add(item.textValue().strip());
            }
        }
        return List.copyOf(strings);
    }

    /** Cut at a word to fit, with an ellipsis. */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "…";
    }

    private static LlmException malformed(String why) {
        return new LlmException(LlmException.Kind.MALFORMED, "the LLM's answer does not follow the schema: " + why);
    }
}

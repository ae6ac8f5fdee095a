package dev.precis.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The structured result for one article (SPEC §3). Offsets everywhere are UTF-16 offsets into the
 * normalized body text, which {@code text} carries when the request asked for it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "id", "title", "url", "language", "headline", "summary", "keyPoints", "tags",
        "entities", "keyphrases", "topics", "quotes", "stats", "contentHash", "warnings", "engine", "text"})
public record Brief(
        String schemaVersion,
        String id,
        String title,
        String url,
        String language,
        String headline,
        Summary summary,
        List<String> keyPoints,
        List<Tag> tags,
        List<Entity> entities,
        List<Keyphrase> keyphrases,
        List<Topic> topics,
        List<Quote> quotes,
        Stats stats,
        String contentHash,
        List<String> warnings,
        EngineInfo engine,
        String text) {

    public static final String SCHEMA_VERSION = "1";

    public record Summary(String text, List<SummarySentence> sentences) {
    }

    public record SummarySentence(String text, int start, int end) {
    }

    public record Tag(String label, String kind, double score) {
    }

    public record Entity(String name, String type, int mentions, List<String> aliases, double salience,
                         List<Span> spans) {
    }

    public record Span(int start, int end) {
    }

    public record Keyphrase(String text, double score) {
    }

    public record Topic(String id, String label, double score) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Quote(String text, String speaker, int start, int end) {
    }

    public record Stats(int characters, int words, int sentences, int paragraphs, int readingTimeMinutes) {
    }

    public record EngineInfo(String name, String version, double elapsedMs) {
    }
}

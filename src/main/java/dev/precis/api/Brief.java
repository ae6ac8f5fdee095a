package dev.precis.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * The structured result for one article (SPEC §3). Offsets everywhere are UTF-16 offsets into the
 * normalized body text, which {@code text} carries when the request asked for it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "id", "title", "url", "source", "language", "headline", "summary", "keyPoints", "excerpt", "tags",
        "entities", "keyphrases", "topics", "quotes", "stats", "contentHash", "warnings", "engine", "text"})
public record Brief(
        String schemaVersion,
        String id,
        String title,
        String url,
        Source source,
        String language,
        String headline,
        Summary summary,
        List<String> keyPoints,
        String excerpt,
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

    public Brief withWarnings(List<String> newWarnings) {
        return new Brief(schemaVersion, id, title, url, source, language, headline, summary, keyPoints, excerpt, tags, entities,
                keyphrases, topics, quotes, stats, contentHash, List.copyOf(newWarnings), engine, text);
    }

    public Brief withSource(Source newSource) {
        return new Brief(schemaVersion, id, title, url, newSource, language, headline, summary, keyPoints, excerpt, tags,
                entities, keyphrases, topics, quotes, stats, contentHash, warnings, engine, text);
    }

    /** The brief with the parts an LLM wrote in place of the embedded engine's (SPEC §6). */
    public Brief withWriting(String newHeadline, Summary newSummary, List<String> newKeyPoints, String newExcerpt,
                             List<Tag> newTags, List<Topic> newTopics, List<String> newWarnings, EngineInfo newEngine) {
        return new Brief(schemaVersion, id, title, url, source, language, newHeadline, newSummary, List.copyOf(newKeyPoints),
                newExcerpt, List.copyOf(newTags), entities, keyphrases, List.copyOf(newTopics), quotes, stats, contentHash,
                List.copyOf(newWarnings), newEngine, text);
    }

    /**
     * Where the article came from: the page's own metadata and, when precis fetched it, how. Every field is
     * optional; fields of the request win over the page's.
     *
     * @param url         the address the article was read from (after redirects, when fetched)
     * @param language    the language the page declares ({@code <html lang>}); the brief's own {@code language}
     *                    is what the text is written in
     * @param httpStatus  the origin's status, when precis fetched the page
     * @param contentType the media type the origin declared, when precis fetched the page
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"url", "canonicalUrl", "siteName", "authors", "publishedAt", "modifiedAt", "language",
            "description", "image", "fetchedAt", "httpStatus", "contentType"})
    public record Source(String url, String canonicalUrl, String siteName, List<String> authors, String publishedAt,
                         String modifiedAt, String language, String description, String image, String fetchedAt,
                         Integer httpStatus, String contentType) {

        @JsonIgnore
        public boolean isEmpty() {
            return url == null && canonicalUrl == null && siteName == null && (authors == null || authors.isEmpty())
                    && publishedAt == null && modifiedAt == null && language == null && description == null && image == null
                    && fetchedAt == null && httpStatus == null && contentType == null;
        }
    }

    /**
     * @param abstractive the sentences were written (by an LLM), not taken from the text, and carry no offsets
     */
    public record Summary(String text, List<SummarySentence> sentences, boolean abstractive) {
    }

    /** A summary sentence; {@code start} and {@code end} locate it in the text unless it was written anew. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SummarySentence(String text, Integer start, Integer end) {
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

    /**
     * @param name  the engine that answered: {@code embedded} or {@code llm}
     * @param usage the LLM's model and tokens, when one wrote part of the brief
     * @param parts which engine produced each part of the brief, when more than one did
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EngineInfo(String name, String version, double elapsedMs, Usage usage, Map<String, String> parts) {

        public EngineInfo(String name, String version, double elapsedMs) {
            this(name, version, elapsedMs, null, null);
        }
    }

    /** What one LLM call cost: the model that answered and the tokens it read and wrote. */
    public record Usage(String model, int inputTokens, int outputTokens) {
    }
}

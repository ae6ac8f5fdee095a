package dev.precis.engine;

import dev.precis.api.Brief;
import dev.precis.engine.entity.EntityMention;
import dev.precis.engine.language.LanguageDetector;
import dev.precis.engine.language.Stopwords;
import dev.precis.engine.text.Dateline;
import dev.precis.engine.text.NormalizedBody;
import dev.precis.engine.text.TextSpan;
import dev.precis.engine.text.Tokenizer;
import dev.precis.engine.text.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One article as it flows through the pipeline: the normalized text and its structure, then what each
 * stage adds. A stage that is switched off leaves its slot empty, and later stages cope with that.
 */
public final class AnnotatedDocument {

    private final String title;
    private final Tokens titleTokens;
    private final String language;
    private final Set<String> stopwords;
    private final Set<String> functionWords;
    private final NormalizedBody body;
    private final List<TextSpan> sentences;
    private final TextSpan opening;
    private final Tokens tokens;
    private final List<String> warnings = new ArrayList<>();

    private List<EntityMention> mentions = List.of();
    private List<Brief.Entity> entities = List.of();
    private List<Brief.Keyphrase> keyphrases = List.of();
    private List<Brief.Topic> topics = List.of();
    private Map<String, Double> topicShares = Map.of();
    private List<Brief.Quote> quotes = List.of();
    private List<Integer> rankedSentences = List.of();

    public AnnotatedDocument(String title, String language, NormalizedBody body, List<TextSpan> sentences,
                             Tokens tokens) {
        this.title = title;
        this.titleTokens = Tokenizer.tokenize(title == null ? "" : title);
        this.language = language;
        String wordListLanguage = isEnglish() ? "en" : language;
        this.stopwords = Stopwords.of(wordListLanguage);
        this.functionWords = Stopwords.functionWords(wordListLanguage);
        this.body = body;
        this.sentences = List.copyOf(sentences);
        this.opening = sentences.isEmpty() ? new TextSpan(0, 0) : Dateline.strip(body.text(), sentences.get(0));
        this.tokens = tokens;
    }

    public String title() {
        return title;
    }

    /** The title's tokens (none without a title), shared by the stages that weigh title words. */
    public Tokens titleTokens() {
        return titleTokens;
    }

    /** The BCP 47 primary language subtag the text is analyzed as ("en", "fr", "und"). */
    public String language() {
        return language;
    }

    /** English, or too little text to tell: the engine's lexicons and cues are English. */
    public boolean isEnglish() {
        return language.equals("en") || language.equals(LanguageDetector.UNDETERMINED);
    }

    /** Whether a lower-case word is a function word of the document's language. */
    public boolean isFunctionWord(String lowerCaseWord) {
        return functionWords.contains(lowerCaseWord);
    }

    /** Whether a lower-case word says nothing about what this story is about ({@link Stopwords#of}). */
    public boolean isStopword(String lowerCaseWord) {
        return stopwords.contains(lowerCaseWord);
    }

    public String text() {
        return body.text();
    }

    public NormalizedBody body() {
        return body;
    }

    public List<TextSpan> sentences() {
        return sentences;
    }

    public String sentenceText(int sentence) {
        return sentences.get(sentence).of(body.text());
    }

    /**
     * The first sentence without its wire dateline ("LONDON (Reuters) -"), which says where a story was filed,
     * not what it is about: summaries show this span, and keyphrases skip what comes before it.
     */
    public TextSpan opening() {
        return opening;
    }

    public Tokens tokens() {
        return tokens;
    }

    /** The first token of {@code sentence} (inclusive) and the first of the next one (exclusive). */
    public int firstToken(int sentence) {
        return tokens.firstAtOrAfter(sentences.get(sentence).start());
    }

    public int endToken(int sentence) {
        return sentence + 1 < sentences.size() ? firstToken(sentence + 1) : tokens.size();
    }

    public List<String> warnings() {
        return warnings;
    }

    public void warn(String warning) {
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    public List<EntityMention> mentions() {
        return mentions;
    }

    public List<Brief.Entity> entities() {
        return entities;
    }

    public void setEntities(List<EntityMention> mentions, List<Brief.Entity> entities) {
        this.mentions = List.copyOf(mentions);
        this.entities = List.copyOf(entities);
    }

    public List<Brief.Keyphrase> keyphrases() {
        return keyphrases;
    }

    public void setKeyphrases(List<Brief.Keyphrase> keyphrases) {
        this.keyphrases = List.copyOf(keyphrases);
    }

    public List<Brief.Topic> topics() {
        return topics;
    }

    public void setTopics(List<Brief.Topic> topics) {
        this.topics = List.copyOf(topics);
    }

    /** Every topic's share of the topic signals, reported or not (id → share). */
    public Map<String, Double> topicShares() {
        return topicShares;
    }

    public void setTopicShares(Map<String, Double> topicShares) {
        this.topicShares = Map.copyOf(topicShares);
    }

    public List<Brief.Quote> quotes() {
        return quotes;
    }

    public void setQuotes(List<Brief.Quote> quotes) {
        this.quotes = List.copyOf(quotes);
    }

    /** Sentence indexes, best first, after redundancy control; empty when the summary stage is off. */
    public List<Integer> rankedSentences() {
        return rankedSentences;
    }

    public void setRankedSentences(List<Integer> rankedSentences) {
        this.rankedSentences = List.copyOf(rankedSentences);
    }
}

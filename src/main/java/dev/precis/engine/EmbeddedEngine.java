package dev.precis.engine;

import dev.precis.api.ArticleOptions;
import dev.precis.api.ArticleRequest;
import dev.precis.api.Brief;
import dev.precis.engine.entity.CapitalizedNameRecognizer;
import dev.precis.engine.entity.EntityStage;
import dev.precis.engine.keyphrase.KeyphraseStage;
import dev.precis.engine.quote.QuoteStage;
import dev.precis.engine.summary.SentenceRanker;
import dev.precis.engine.tag.TagMerger;
import dev.precis.engine.text.OpenNlpSentenceSplitter;
import dev.precis.engine.text.TextSpan;
import dev.precis.engine.topic.TopicStage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The in-process engine: deterministic, offline, no keys. Stages run in order over one annotated
 * document; each can be switched off by name, and what depends on it degrades (no ranking: the lead).
 */
public final class EmbeddedEngine implements AnalysisEngine {

    public static final String NAME = "embedded";
    public static final List<String> STAGE_NAMES = List.of("entities", "keyphrases", "topics", "quotes", "summary");
    /** Stages whose lexicons and cues are English; other languages get the statistical stages only. */
    private static final Set<String> ENGLISH_ONLY_STAGES = Set.of("entities", "topics", "quotes");

    private static final int HEADLINE_MAX_CHARS = 200;
    private static final double WORDS_PER_MINUTE = 230.0;

    private final DocumentBuilder builder = new DocumentBuilder(new OpenNlpSentenceSplitter());
    private final List<PipelineStage> stages;
    private final TagMerger tagMerger = new TagMerger();
    private final String version;

    public EmbeddedEngine(Set<String> disabledStages, String version) {
        List<PipelineStage> all = List.of(new EntityStage(new CapitalizedNameRecognizer()), new KeyphraseStage(),
                new TopicStage(), new QuoteStage(), new SentenceRanker());
        this.stages = all.stream().filter(stage -> !disabledStages.contains(stage.name())).toList();
        this.version = version;
    }

    @Override
    public Brief analyze(ArticleRequest request) {
        long started = System.nanoTime();
        return assemble(annotate(request), request, started);
    }

    /** The brief for an annotated document; {@code started} is when the analysis began (for elapsedMs). */
    public Brief assemble(AnnotatedDocument document, ArticleRequest request, long started) {
        ArticleOptions options = request.options();
        List<Integer> ranked = document.rankedSentences().isEmpty() ? lead(document) : document.rankedSentences();
        List<Integer> chosen = new ArrayList<>(ranked.subList(0, Math.min(options.summarySentences(), ranked.size())));
        chosen.sort(Integer::compare);
        IntFunction<TextSpan> shown = s -> s == 0 ? document.opening() : document.sentences().get(s);
        List<Brief.SummarySentence> summarySentences = chosen.stream().map(s -> {
            TextSpan span = shown.apply(s);
            return new Brief.SummarySentence(span.of(document.text()), span.start(), span.end());
        }).toList();
        String summaryText = String.join(" ", summarySentences.stream().map(Brief.SummarySentence::text).toList());
        List<String> keyPoints = ranked.subList(0, Math.min(options.keyPoints(), ranked.size())).stream()
                .map(s -> shown.apply(s).of(document.text())).toList();
        String headline = shorten(shown.apply(ranked.get(0)).of(document.text()));
        List<Brief.Tag> tags = tagMerger.merge(document.entities(), document.topics(), document.keyphrases(),
                options.maxTags());
        double elapsedMs = Math.round((System.nanoTime() - started) / 10_000.0) / 100.0;
        return new Brief(Brief.SCHEMA_VERSION, request.id(), document.title(), request.url(), null,
                request.language() == null ? document.language() : request.language(), headline,
                new Brief.Summary(summaryText, summarySentences, false), keyPoints, null, tags, document.entities(),
                document.keyphrases(), document.topics(), document.quotes(), stats(document),
                contentHash(document.text()), List.copyOf(document.warnings()),
                new Brief.EngineInfo(NAME, version, elapsedMs), options.includeText() ? document.text() : null);
    }

    /** Runs the pipeline without assembling a brief: for evaluation, which reads what the stages found. */
    public AnnotatedDocument annotate(ArticleRequest request) {
        AnnotatedDocument document = builder.build(request.title(), request.language(), request.body(), request.format());
        boolean english = document.isEnglish();
        if (!english) {
            document.warn("Entities, quotes and topics are computed for English only; the text is \""
                    + document.language() + "\", so they are empty and the summary and keyphrases are statistical.");
        }
        for (PipelineStage stage : stages) {
            if (english || !ENGLISH_ONLY_STAGES.contains(stage.name())) {
                stage.process(document);
            }
        }
        return document;
    }

    private static List<Integer> lead(AnnotatedDocument document) {
        List<Integer> lead = new ArrayList<>();
        for (int s = 0; s < document.sentences().size(); s++) {
            lead.add(s);
        }
        return lead;
    }

    /** A headline of at most 200 characters, cut at a word boundary. */
    static String shorten(String sentence) {
        if (sentence.length() <= HEADLINE_MAX_CHARS) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', HEADLINE_MAX_CHARS - 1);
        if (cut < HEADLINE_MAX_CHARS / 2) {
            cut = HEADLINE_MAX_CHARS - 1;
        }
        if (Character.isHighSurrogate(sentence.charAt(cut - 1))) {
            cut--;
        }
        return sentence.substring(0, cut).stripTrailing() + "…";
    }

    private static Brief.Stats stats(AnnotatedDocument document) {
        String text = document.text();
        int words = 0;
        for (String chunk : text.split("\\s+")) {
            if (dev.precis.engine.text.BodyExtractor.hasWord(chunk)) {
                words++;
            }
        }
        int minutes = (int) Math.max(1, Math.round(words / WORDS_PER_MINUTE));
        return new Brief.Stats(text.codePointCount(0, text.length()), words, document.sentences().size(),
                document.body().paragraphs().size(), minutes);
    }

    private static String contentHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

package dev.precis.engine;

import dev.precis.engine.language.LanguageDetector;
import dev.precis.engine.text.BodyExtractor;
import dev.precis.engine.text.NormalizedBody;
import dev.precis.engine.text.SentenceSplitter;
import dev.precis.engine.text.TextNormalizer;
import dev.precis.engine.text.TextSpan;
import dev.precis.engine.text.Tokenizer;
import dev.precis.engine.text.Tokens;

import java.util.ArrayList;
import java.util.List;

/** The fixed first part of the pipeline: text, paragraphs, sentences, tokens and language. */
final class DocumentBuilder {

    static String primarySubtag(String languageTag) {
        int dash = languageTag.indexOf('-');
        return (dash < 0 ? languageTag : languageTag.substring(0, dash)).toLowerCase(java.util.Locale.ROOT);
    }

    private final BodyExtractor extractor = new BodyExtractor();
    private final SentenceSplitter splitter;
    private final LanguageDetector detector = new LanguageDetector();

    DocumentBuilder(SentenceSplitter splitter) {
        this.splitter = splitter;
    }

    AnnotatedDocument build(String title, String languageHint, String rawBody, dev.precis.api.Format format) {
        NormalizedBody body = extractor.extract(rawBody, format);
        if (body.isEmpty()) {
            throw new EmptyArticleException("The body has no words once markup and page furniture are removed.");
        }
        String text = body.text();
        List<TextSpan> sentences = new ArrayList<>();
        List<Integer> paragraphOf = new ArrayList<>();
        for (int p = 0; p < body.paragraphs().size(); p++) {
            for (TextSpan sentence : splitter.split(text, body.paragraphs().get(p))) {
                int last = sentences.size() - 1;
                if (!BodyExtractor.hasWord(sentence.of(text)) && last >= 0 && paragraphOf.get(last) == p) {
                    sentences.set(last, new TextSpan(sentences.get(last).start(), sentence.end()));
                } else {
                    sentences.add(sentence);
                    paragraphOf.add(p);
                }
            }
        }
        Tokens tokens = Tokenizer.tokenize(text);
        String cleanTitle = title == null ? null : TextNormalizer.normalizeParagraph(title);
        String language = languageHint != null ? primarySubtag(languageHint) : detector.detect(text);
        return new AnnotatedDocument(cleanTitle == null || cleanTitle.isEmpty() ? null : cleanTitle, language, body, sentences,
                tokens);
    }
}

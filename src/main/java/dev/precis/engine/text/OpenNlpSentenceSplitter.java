package dev.precis.engine.text;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * OpenNLP's maximum-entropy sentence detector (English 1.5 model), with repairs for the cases news text
 * trips it on: honorifics and month abbreviations, initials, and fragments that start in lower case.
 * Runaway sentences are cut so no single "sentence" can swamp a summary.
 */
public final class OpenNlpSentenceSplitter implements SentenceSplitter {

    static final int MAX_SENTENCE_CHARS = 1_000;

    /** Abbreviations after which a sentence never ends. */
    private static final Set<String> NEVER_FINAL = Set.of("mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov",
            "lt", "col", "capt", "sgt", "st", "rev", "hon", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "no", "vs", "v", "cf", "approx", "fig", "jr", "sr", "mt", "ft", "pres", "supt",
            "cmdr", "adm", "maj", "brig", "messrs", "mme", "mlle");

    private final SentenceModel model;

    public OpenNlpSentenceSplitter() {
        this.model = ModelHolder.MODEL;
    }

    @Override
    public List<TextSpan> split(String text, TextSpan paragraph) {
        String paragraphText = paragraph.of(text);
        Span[] found = new SentenceDetectorME(model).sentPosDetect(paragraphText);
        List<TextSpan> sentences = new ArrayList<>(found.length);
        for (Span span : found) {
            TextSpan sentence = new TextSpan(paragraph.start() + span.getStart(), paragraph.start() + span.getEnd());
            if (!sentences.isEmpty() && continuesPrevious(text, sentences.get(sentences.size() - 1), sentence)) {
                TextSpan previous = sentences.remove(sentences.size() - 1);
                sentence = new TextSpan(previous.start(), sentence.end());
            }
            sentences.add(sentence);
        }
        if (sentences.isEmpty()) {
            sentences.add(paragraph);
        }
        return cutRunaways(text, sentences);
    }

    private static boolean continuesPrevious(String text, TextSpan previous, TextSpan next) {
        int firstCp = text.codePointAt(next.start());
        if (Character.isLowerCase(firstCp)) {
            return true;
        }
        String lastWord = lastWord(text, previous);
        if (!lastWord.endsWith(".")) {
            return false;
        }
        String stem = lastWord.substring(0, lastWord.length() - 1).toLowerCase(Locale.ROOT);
        boolean initial = stem.length() == 1 && Character.isLetter(stem.charAt(0));
        return NEVER_FINAL.contains(stem) || initial;
    }

    private static String lastWord(String text, TextSpan span) {
        int start = span.end();
        while (start > span.start() && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        String word = text.substring(start, span.end());
        int open = 0;
        while (open < word.length() && !Character.isLetterOrDigit(word.charAt(open))) {
            open++;
        }
        return word.substring(open);
    }

    private static List<TextSpan> cutRunaways(String text, List<TextSpan> sentences) {
        List<TextSpan> result = new ArrayList<>(sentences.size());
        for (TextSpan sentence : sentences) {
            int start = sentence.start();
            while (sentence.end() - start > MAX_SENTENCE_CHARS) {
                int cut = cutPoint(text, start, start + MAX_SENTENCE_CHARS);
                result.add(new TextSpan(start, cut));
                start = cut;
                while (start < sentence.end() && text.charAt(start) == ' ') {
                    start++;
                }
            }
            if (start < sentence.end()) {
                result.add(new TextSpan(start, sentence.end()));
            }
        }
        return result;
    }

    /** The last space before {@code limit}, or {@code limit} itself (never inside a surrogate pair). */
    private static int cutPoint(String text, int start, int limit) {
        for (int i = limit; i > start + MAX_SENTENCE_CHARS / 2; i--) {
            if (text.charAt(i) == ' ') {
                return i;
            }
        }
        return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    }

    /** Loads the model once per JVM, on first use (class initialization is thread-safe and lazy). */
    private static final class ModelHolder {
        private static final SentenceModel MODEL = load();

        private static SentenceModel load() {
            try (InputStream in = OpenNlpSentenceSplitter.class.getResourceAsStream("/en-sent.bin")) {
                if (in == null) {
                    throw new IllegalStateException("en-sent.bin is not on the classpath (opennlp-sent-models)");
                }
                return new SentenceModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

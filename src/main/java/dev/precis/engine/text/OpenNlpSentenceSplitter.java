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
    private static final int SEGMENT_CHARS = 2_000;
    private static final int HARD_CUT_CHARS = 500;

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
        SentenceDetectorME detector = new SentenceDetectorME(model);
        List<TextSpan> sentences = new ArrayList<>();
        for (TextSpan segment : segments(text, paragraph)) {
            for (Span span : detector.sentPosDetect(segment.of(text))) {
                TextSpan sentence = new TextSpan(segment.start() + span.getStart(), segment.start() + span.getEnd());
                if (!sentences.isEmpty() && continuesPrevious(text, sentences.get(sentences.size() - 1), sentence)) {
                    TextSpan previous = sentences.remove(sentences.size() - 1);
                    sentence = new TextSpan(previous.start(), sentence.end());
                }
                sentences.add(sentence);
            }
        }
        if (sentences.isEmpty()) {
            sentences.add(paragraph);
        }
        return cutRunaways(text, sentences);
    }

    /**
     * The detector looks ahead to the next white space from every period, which is quadratic in text
     * without spaces ("a.a.a.…"). Paragraphs are therefore fed to it in windows, cut after a sentence end
     * where there is one, else at a space, else (no spaces at all) after a short hard cut.
     */
    static List<TextSpan> segments(String text, TextSpan paragraph) {
        List<TextSpan> segments = new ArrayList<>();
        chop(text, paragraph, SEGMENT_CHARS, OpenNlpSentenceSplitter::segmentCut, segments);
        return segments;
    }

    private static int segmentCut(String text, int start, int limit) {
        int cut = lastSentenceEnd(text, start, limit);
        if (cut < 0) {
            cut = text.lastIndexOf(' ', limit);
        }
        return cut > start ? cut : start + HARD_CUT_CHARS;
    }

    /** Cuts {@code span} into pieces of at most {@code window} characters where {@code cutPoint} says. */
    private static void chop(String text, TextSpan span, int window, CutPoint cutPoint, List<TextSpan> pieces) {
        int start = span.start();
        while (span.end() - start > window) {
            int cut = cutPoint.at(text, start, start + window);
            if (Character.isLowSurrogate(text.charAt(cut))) {
                cut--;
            }
            pieces.add(new TextSpan(start, cut));
            start = cut;
            while (start < span.end() && text.charAt(start) == ' ') {
                start++;
            }
        }
        if (start < span.end()) {
            pieces.add(new TextSpan(start, span.end()));
        }
    }

    @FunctionalInterface
    private interface CutPoint {
        /** Where to cut the window [start, limit): an offset after start and at most limit. */
        int at(String text, int start, int limit);
    }

    /** The offset just after the last ". ", "? " or "! " in [start, limit), or -1. */
    private static int lastSentenceEnd(String text, int start, int limit) {
        for (int i = limit - 1; i > start; i--) {
            char c = text.charAt(i - 1);
            if (text.charAt(i) == ' ' && (c == '.' || c == '?' || c == '!')) {
                return i;
            }
        }
        return -1;
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
            chop(text, sentence, MAX_SENTENCE_CHARS, OpenNlpSentenceSplitter::runawayCut, result);
        }
        return result;
    }

    /** The last space in the second half of the window, else the window's end. */
    private static int runawayCut(String text, int start, int limit) {
        for (int i = limit; i > start + MAX_SENTENCE_CHARS / 2; i--) {
            if (text.charAt(i) == ' ') {
                return i;
            }
        }
        return limit;
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

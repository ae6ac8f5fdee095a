package dev.precis.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The parts of speech an English word can take, from the tag dictionary that ships inside OpenNLP's
 * English POS model: about 16,000 words (11,000 of them lower-case) with every Penn Treebank tag the
 * tagger's training text gave them.
 * Looking a word up costs a hash probe, where running the tagger costs tens of milliseconds per article;
 * what a word can be is enough to tell a noun phrase from a verb or an adverb. Words the dictionary does
 * not know answer {@link #UNKNOWN}, and callers fall back on their own cues.
 */
public final class WordClasses {

    public static final int UNKNOWN = 0;
    public static final int NOUN = 1;
    public static final int PROPER_NOUN = 1 << 1;
    public static final int ADJECTIVE = 1 << 2;
    public static final int VERB = 1 << 3;
    public static final int ADVERB = 1 << 4;
    public static final int NUMBER = 1 << 5;
    /** Personal pronouns: "they", "she", "it" ("the" and "of" are {@link #FUNCTION} words). */
    public static final int PRONOUN = 1 << 6;
    /** Determiners, prepositions, possessives, conjunctions, modals and the like. */
    public static final int FUNCTION = 1 << 7;

    private static final String MODEL = "/en-pos-maxent.bin";
    private static final String DICTIONARY_ENTRY = "tags.tagdict";
    private static final String ENTRY_TAGS = "<entry tags=\"";
    private static final String TOKEN = "<token>";
    private static final Map<String, Integer> CLASSES = load();

    private WordClasses() {
    }

    /** The classes of the word as written (so "Ministry" is a proper noun, "ministry" a noun), or {@link #UNKNOWN}. */
    public static int of(String word) {
        return CLASSES.getOrDefault(word, UNKNOWN);
    }

    public static boolean can(int classes, int wordClass) {
        return (classes & wordClass) != 0;
    }

    /** Known, and never anything but the given classes. */
    public static boolean only(int classes, int wordClasses) {
        return classes != UNKNOWN && (classes & ~wordClasses) == 0;
    }

    private static Map<String, Integer> load() {
        try (InputStream model = WordClasses.class.getResourceAsStream(MODEL)) {
            if (model == null) {
                throw new IllegalStateException("missing OpenNLP POS model " + MODEL);
            }
            ZipInputStream zip = new ZipInputStream(model);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(DICTIONARY_ENTRY)) {
                    return read(zip);
                }
            }
            throw new IllegalStateException("no " + DICTIONARY_ENTRY + " in " + MODEL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the dictionary's regular {@code <entry tags="..."><token>word</token></entry>} layout by scanning
     * rather than with an XML parser, which on a cold JVM took half a second for what this does in a fraction.
     */
    private static Map<String, Integer> read(InputStream in) throws IOException {
        String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        Map<String, Integer> classes = new HashMap<>(32_768);
        int entryClasses = UNKNOWN;
        for (int at = xml.indexOf('<'); at >= 0; at = xml.indexOf('<', at + 1)) {
            if (xml.startsWith(ENTRY_TAGS, at)) {
                int from = at + ENTRY_TAGS.length();
                entryClasses = classesOf(xml.substring(from, xml.indexOf('"', from)));
            } else if (xml.startsWith(TOKEN, at)) {
                int from = at + TOKEN.length();
                int to = xml.indexOf('<', from);
                classes.merge(unescape(xml.substring(from, to)), entryClasses, (a, b) -> a | b);
                at = to;
            }
        }
        return Map.copyOf(classes);
    }

    private static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    private static int classesOf(String tags) {
        int classes = UNKNOWN;
        for (String tag : tags.split(" ")) {
            classes |= classOf(tag);
        }
        return classes;
    }

    private static int classOf(String tag) {
        if (tag.startsWith("NNP")) {
            return PROPER_NOUN;
        }
        if (tag.startsWith("NN")) {
            return NOUN;
        }
        if (tag.startsWith("JJ")) {
            return ADJECTIVE;
        }
        if (tag.startsWith("VB")) {
            return VERB;
        }
        if (tag.startsWith("RB") || tag.equals("WRB")) {
            return ADVERB;
        }
        if (tag.equals("CD")) {
            return NUMBER;
        }
        if (tag.equals("PRP") || tag.equals("WP")) {
            return PRONOUN;
        }
        return FUNCTION;
    }
}

package dev.precis.engine.llm;

import dev.precis.api.Brief;
import dev.precis.engine.WordClasses;
import dev.precis.engine.topic.MediaTopics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds what the LLM wrote to the text it was given (SPEC §6): a tag that names a person, an organization or
 * a place must be one of the entities found in the text or a phrase of it, and a subject tag must be made of
 * the text's words (or be a keyphrase or a Media Topic), or it is dropped; numbers, names and quotations in
 * the written parts that the text does not contain are reported in warnings, for an editor to check.
 */
final class Grounding {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    /** A capitalized word, at the start of a sentence or not: a name, where a model may invent one. */
    private static final Pattern CAPITALIZED = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}’'-]+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}’'-]*");
    private static final Pattern QUOTATION = Pattern.compile("[\"“]([^\"”]{12,})[\"”]");
    private static final Set<String> NAMED_KINDS = Set.of("person", "organization", "location");
    private static final int SHOWN = 5;

    record Checked(List<LlmDraft.DraftTag> tags, List<String> warnings) {
    }

    static Checked check(LlmDraft draft, String text, List<Brief.Entity> entities, List<Brief.Keyphrase> keyphrases) {
        Set<String> words = new HashSet<>();
        for (Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT)); m.find(); ) {
            words.add(m.group().replace('’', '\''));
        }
        Set<String> numbers = new HashSet<>();
        for (Matcher m = NUMBER.matcher(text); m.find(); ) {
            numbers.add(m.group().replace(",", ""));
        }
        Set<String> names = new HashSet<>();
        for (Brief.Entity entity : entities) {
            names.add(entity.name().toLowerCase(Locale.ROOT));
            entity.aliases().forEach(alias -> names.add(alias.toLowerCase(Locale.ROOT)));
        }
        keyphrases.forEach(keyphrase -> names.add(keyphrase.text().toLowerCase(Locale.ROOT)));
        MediaTopics.labels().values().forEach(label -> names.add(label.toLowerCase(Locale.ROOT)));
        String lowerText = text.toLowerCase(Locale.ROOT);

        List<LlmDraft.DraftTag> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (LlmDraft.DraftTag tag : draft.tags()) {
            String label = tag.label().toLowerCase(Locale.ROOT);
            boolean grounded = names.contains(label) || containsPhrase(lowerText, label)
                    || !NAMED_KINDS.contains(tag.kind()) && everyWordPresent(label, words);
            if (grounded) {
                kept.add(tag);
            } else {
                dropped.add(tag.label());
            }
        }
        List<String> warnings = new ArrayList<>();
        if (!dropped.isEmpty()) {
            warnings.add("Tags the LLM proposed that the text does not name were dropped: " + shown(dropped) + ".");
        }
        List<String> written = new ArrayList<>(draft.summary());
        written.add(draft.headline());
        written.addAll(draft.keyPoints());
        written.add(draft.excerpt());
        Set<String> unknownNumbers = new LinkedHashSet<>();
        Set<String> unknownNames = new LinkedHashSet<>();
        Set<String> quotations = new LinkedHashSet<>();
        for (String part : written) {
            for (Matcher m = NUMBER.matcher(part); m.find(); ) {
                if (!numbers.contains(m.group().replace(",", ""))) {
                    unknownNumbers.add(m.group());
                }
            }
            for (Matcher m = CAPITALIZED.matcher(part); m.find(); ) {
                String name = m.group().replaceAll("[’']s$", "");
                if (!wordPresent(name.toLowerCase(Locale.ROOT).replace('’', '\''), words) && !isOrdinaryWord(name)) {
                    unknownNames.add(name);
                }
            }
            for (Matcher m = QUOTATION.matcher(part); m.find(); ) {
                if (!normalized(text).contains(normalized(m.group(1)))) {
                    quotations.add(m.group(1));
                }
            }
        }
        if (!unknownNumbers.isEmpty()) {
            warnings.add("The LLM wrote numbers the text does not contain: " + shown(new ArrayList<>(unknownNumbers)) + ".");
        }
        if (!unknownNames.isEmpty()) {
            warnings.add("The LLM wrote names the text does not contain: " + shown(new ArrayList<>(unknownNames)) + ".");
        }
        if (!quotations.isEmpty()) {
            warnings.add("The LLM quoted words the text does not contain: " + shown(new ArrayList<>(quotations)) + ".");
        }
        return new Checked(List.copyOf(kept), List.copyOf(warnings));
    }

    /** A capitalized word that is just an English word opening a sentence ("However", "Officials"). */
    private static boolean isOrdinaryWord(String word) {
        int lower = WordClasses.of(word.toLowerCase(Locale.ROOT));
        return lower != WordClasses.UNKNOWN && !WordClasses.can(WordClasses.of(word), WordClasses.PROPER_NOUN);
    }

    /** Every word of a subject tag is in the text, in the singular or the plural ("ferries" for "ferry"). */
    private static boolean everyWordPresent(String label, Set<String> words) {
        for (Matcher m = WORD.matcher(label); m.find(); ) {
            if (!wordPresent(m.group(), words)) {
                return false;
            }
        }
        return true;
    }

    private static boolean wordPresent(String word, Set<String> words) {
        String stem = word.endsWith("ies") ? word.substring(0, word.length() - 3) + "y"
                : word.endsWith("es") ? word.substring(0, word.length() - 2) : word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
        return words.contains(word) || words.contains(stem) || words.contains(stem + "s") || words.contains(stem + "es")
                || stem.endsWith("y") && words.contains(stem.substring(0, stem.length() - 1) + "ies");
    }

    private static boolean containsPhrase(String lowerText, String phrase) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])").matcher(lowerText).find();
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ").replace('’', '\'').toLowerCase(Locale.ROOT).strip();
    }

    /** A few of the items, each short, so a warning stays readable whatever the model wrote. */
    private static String shown(List<String> items) {
        List<String> shown = new ArrayList<>();
        for (String item : items.subList(0, Math.min(SHOWN, items.size()))) {
            shown.add("\"" + LlmDraft.shorten(item, 60) + "\"");
        }
        return String.join(", ", shown) + (items.size() > SHOWN ? " and " + (items.size() - SHOWN) + " more" : "");
    }
}

package dev.precis.engine.llm;

import dev.precis.api.Brief;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds what the LLM wrote to the text it was given (SPEC §6): a tag that names a person, an organization or
 * a place must be one of the entities found in the text or a phrase of it, or it is dropped; numbers, names
 * and quotations in the written parts that the text does not contain are reported in warnings, for an editor
 * to check before publishing.
 */
final class Grounding {

    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,.]*\\d|\\d");
    /** A capitalized word that does not open a sentence: a name, where a model may invent one. */
    private static final Pattern NAME = Pattern.compile("(?<![.!?:]\\s|^)(?<=\\s)\\p{Lu}[\\p{L}’'-]{2,}");
    private static final Pattern QUOTATION = Pattern.compile("[\"“]([^\"”]{12,})[\"”]");
    private static final int SHOWN = 5;

    record Checked(List<LlmDraft.DraftTag> tags, List<String> warnings) {
    }

    static Checked check(LlmDraft draft, String text, List<Brief.Entity> entities) {
        String lowerText = text.toLowerCase(Locale.ROOT);
        Set<String> names = new LinkedHashSet<>();
        for (Brief.Entity entity : entities) {
            names.add(entity.name().toLowerCase(Locale.ROOT));
            entity.aliases().forEach(alias -> names.add(alias.toLowerCase(Locale.ROOT)));
        }
        List<LlmDraft.DraftTag> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (LlmDraft.DraftTag tag : draft.tags()) {
            boolean named = Set.of("person", "organization", "location").contains(tag.kind());
            String label = tag.label().toLowerCase(Locale.ROOT);
            if (!named || names.contains(label) || containsPhrase(lowerText, label)) {
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
        String digitsOnly = text.replace(",", "");
        Set<String> numbers = new LinkedHashSet<>();
        Set<String> unknownNames = new LinkedHashSet<>();
        Set<String> quotations = new LinkedHashSet<>();
        for (String part : written) {
            for (Matcher m = NUMBER.matcher(part); m.find(); ) {
                String number = m.group().replace(",", "").replaceAll("\\.$", "");
                if (!digitsOnly.contains(number)) {
                    numbers.add(m.group());
                }
            }
            for (Matcher m = NAME.matcher(part); m.find(); ) {
                String name = m.group().replaceAll("[’']s$", "");
                if (!text.contains(name)) {
                    unknownNames.add(name);
                }
            }
            for (Matcher m = QUOTATION.matcher(part); m.find(); ) {
                if (!normalized(text).contains(normalized(m.group(1)))) {
                    quotations.add(m.group(1));
                }
            }
        }
        if (!numbers.isEmpty()) {
            warnings.add("The LLM wrote numbers the text does not contain: " + shown(new ArrayList<>(numbers)) + ".");
        }
        if (!unknownNames.isEmpty()) {
            warnings.add("The LLM wrote names the text does not contain: " + shown(new ArrayList<>(unknownNames)) + ".");
        }
        if (!quotations.isEmpty()) {
            warnings.add("The LLM quoted words the text does not contain: " + shown(new ArrayList<>(quotations)) + ".");
        }
        return new Checked(List.copyOf(kept), List.copyOf(warnings));
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

package dev.precis.engine.quote;

import dev.precis.api.Brief;
import dev.precis.engine.AnnotatedDocument;
import dev.precis.engine.PipelineStage;
import dev.precis.engine.entity.EntityMention;
import dev.precis.engine.text.TextSpan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Direct quotations and who said them. Quote marks are paired within a paragraph, straight or curly,
 * since news copy mixes them. The speaker comes from the attribution after the quote ("…," X said /
 * said X), before it (X said: "…"), or a pronoun that refers to the last person named.
 */
public final class QuoteStage implements PipelineStage {

    private static final int MIN_WORDS = 3;
    private static final int ATTRIBUTION_WINDOW = 120;
    private static final String VERBS = "said|says|told|added|wrote|asked|explained|stated|tweeted|insisted|argued|warned|noted|replied|continued";
    private static final String NAME = "\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|de|van|von|al|bin))*";
    private static final Pattern AFTER_NAME_VERB = Pattern.compile(
            "^[\\s,.]*(?:[^\"“”.]{0,80}?\\s)?(" + NAME + ")\\s+(?:" + VERBS + ")\\b");
    private static final Pattern AFTER_VERB_NAME = Pattern.compile("^[\\s,]*(?:" + VERBS + ")\\s+(?:the\\s+)?(" + NAME + ")");
    private static final Pattern AFTER_PRONOUN = Pattern.compile("^[\\s,]*(?:he|she)\\s+(?:" + VERBS + ")\\b");
    private static final Pattern BEFORE = Pattern.compile("(" + NAME + ")(?:,[^,]{0,120},)?\\s+(?:" + VERBS + ")[^\"“”]{0,40}:\\s*$");
    private static final Pattern ACCORDING_TO = Pattern.compile("^[\\s,]*according to\\s+(?:the\\s+)?(" + NAME + ")");

    @Override
    public String name() {
        return "quotes";
    }

    @Override
    public void process(AnnotatedDocument document) {
        String text = document.text();
        List<Brief.Quote> quotes = new ArrayList<>();
        List<PersonMention> people = people(document);
        for (TextSpan paragraph : document.body().paragraphs()) {
            int open = -1;
            for (int i = paragraph.start(); i < paragraph.end(); i++) {
                if (!isQuoteMark(text.charAt(i)) || isApostropheLike(text, i)) {
                    continue;
                }
                if (open < 0) {
                    open = i;
                } else {
                    addQuote(document, people, paragraph, open, i, quotes);
                    open = -1;
                }
            }
        }
        document.setQuotes(quotes);
    }

    private static boolean isQuoteMark(char c) {
        return c == '"' || c == '“' || c == '”' || c == '„';
    }

    /** A quote mark glued between two letters is a typographic slip for an apostrophe, not a quotation. */
    private static boolean isApostropheLike(String text, int i) {
        return i > 0 && i + 1 < text.length() && Character.isLetter(text.charAt(i - 1)) && Character.isLetter(text.charAt(i + 1));
    }

    private void addQuote(AnnotatedDocument document, List<PersonMention> people, TextSpan paragraph, int open, int close,
                          List<Brief.Quote> quotes) {
        String text = document.text();
        int start = open + 1;
        int end = close;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ',')) {
            end--;
        }
        String quote = text.substring(start, end);
        if (quote.split("\\s+").length < MIN_WORDS) {
            return;
        }
        String after = text.substring(close + 1, Math.min(paragraph.end(), close + 1 + ATTRIBUTION_WINDOW));
        String before = text.substring(Math.max(paragraph.start(), open - ATTRIBUTION_WINDOW * 2), open);
        String speaker = speaker(document, people, after, before, open);
        if (speaker == null && !quotes.isEmpty()) {
            // A second quotation in the same paragraph continues the speaker of the first.
            Brief.Quote previous = quotes.get(quotes.size() - 1);
            if (paragraph.contains(previous.start())) {
                speaker = previous.speaker();
            }
        }
        quotes.add(new Brief.Quote(quote, speaker, start, end));
    }

    private String speaker(AnnotatedDocument document, List<PersonMention> people, String after, String before,
                           int quoteStart) {
        Matcher m = AFTER_VERB_NAME.matcher(after);
        if (m.find()) {
            return canonical(document, m.group(1));
        }
        m = AFTER_PRONOUN.matcher(after);
        if (m.find()) {
            return lastPersonBefore(people, quoteStart);
        }
        m = AFTER_NAME_VERB.matcher(after);
        if (m.find()) {
            return canonical(document, m.group(1));
        }
        m = ACCORDING_TO.matcher(after);
        if (m.find()) {
            return canonical(document, m.group(1));
        }
        m = BEFORE.matcher(before);
        if (m.find()) {
            return canonical(document, m.group(1));
        }
        return null;
    }

    /** The entity a matched name belongs to ("Cheung" → "Steven Cheung"), or the name as written. */
    private static String canonical(AnnotatedDocument document, String name) {
        String trimmed = name.replaceAll("['’]s$", "");
        for (Brief.Entity entity : document.entities()) {
            if (trimmed.endsWith(entity.name()) || entity.aliases().contains(trimmed)) {
                return entity.name();
            }
        }
        for (Brief.Entity entity : document.entities()) {
            if (trimmed.contains(entity.name()) && entity.type().equals("PERSON")) {
                return entity.name();
            }
        }
        return trimmed;
    }

    /** The person named last before {@code offset}, from the document's person mentions in text order. */
    private static String lastPersonBefore(List<PersonMention> people, int offset) {
        int low = 0;
        int high = people.size() - 1;
        String person = null;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (people.get(middle).start() < offset) {
                person = people.get(middle).person();
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return person;
    }

    private static List<PersonMention> people(AnnotatedDocument document) {
        Set<String> persons = new HashSet<>();
        for (Brief.Entity entity : document.entities()) {
            if (entity.type().equals("PERSON")) {
                persons.add(entity.name());
            }
        }
        Map<String, String> ownerOfName = new HashMap<>();
        for (Brief.Entity entity : document.entities()) {
            ownerOfName.put(entity.name(), entity.name());
            entity.aliases().forEach(alias -> ownerOfName.putIfAbsent(alias, entity.name()));
        }
        List<PersonMention> people = new ArrayList<>();
        for (EntityMention mention : document.mentions()) {
            String owner = ownerOfName.get(mention.text());
            if (owner != null && persons.contains(owner)) {
                people.add(new PersonMention(mention.span().start(), owner));
            }
        }
        people.sort(java.util.Comparator.comparingInt(PersonMention::start));
        return people;
    }

    private record PersonMention(int start, String person) {
    }
}

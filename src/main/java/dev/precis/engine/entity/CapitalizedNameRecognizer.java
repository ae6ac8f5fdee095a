package dev.precis.engine.entity;

import dev.precis.engine.AnnotatedDocument;
import dev.precis.engine.Words;
import dev.precis.engine.text.TextSpan;
import dev.precis.engine.text.Tokens;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds names as runs of capitalized words ("Bank of England" keeps its "of"), then trims what is not
 * part of the name: sentence openers, nationality adjectives, and titles ("Foreign Minister Abbas
 * Arghachi"), which it keeps as a sign the name is a person's. A run that starts with a known place or
 * organization is split there ("UN Amir Saeid Iravani"). Gazetteers and organization suffixes type what
 * they can; the rest stays UNKNOWN for {@link EntityResolver} to decide from all mentions together. In a
 * results or standings line ("Millwall 2 Burnley 1") a name followed by its score is a team, even when it
 * is a city's name; a country's name there is the national side, which stays a place.
 */
public final class CapitalizedNameRecognizer implements EntityRecognizer {

    private static final Set<String> CONNECTORS = Set.of("of", "de", "del", "da", "di", "du", "la", "le", "van",
            "von", "der", "den", "bin", "al", "el", "y", "&", "for");
    private static final Set<String> SPEECH_VERBS = Set.of("said", "says", "told", "added", "wrote", "asked",
            "explained", "stated", "tweeted", "insisted", "argued", "warned", "noted", "replied");
    /** Before a single unknown name these say it is a place: "in Turin", "near Valdoria". */
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "near", "outside", "across");
    private static final int MAX_RUN = 8;
    private static final Set<String> EVENT_WORDS = Set.of("cup", "open", "championship", "championships", "classic",
            "prix", "games", "olympics", "tournament", "trophy", "series", "masters", "rally", "marathon", "derby",
            "invitational", "challenge", "festival", "awards", "war");

    private final Gazetteer gazetteer = new Gazetteer();

    @Override
    public List<EntityMention> recognize(AnnotatedDocument document) {
        Tokens tokens = document.tokens();
        Set<String> lowerCaseWords = lowerCaseWords(tokens);
        List<EntityMention> mentions = new ArrayList<>();
        for (int sentence = 0; sentence < document.sentences().size(); sentence++) {
            int end = document.endToken(sentence);
            LineShape shape = LineShape.of(tokens, document.firstToken(sentence), end);
            if (shape.isShouting()) {
                continue;
            }
            boolean resultLine = shape.isResultLine();
            int i = document.firstToken(sentence);
            while (i < end) {
                if (!startsName(tokens, i)) {
                    i++;
                    continue;
                }
                int runEnd = i + 1;
                while (runEnd < end && runEnd - i < MAX_RUN && (startsName(tokens, runEnd)
                        || (isConnector(tokens, runEnd) || isInitialDot(tokens, runEnd))
                        && runEnd + 1 < end && startsName(tokens, runEnd + 1))) {
                    runEnd++;
                }
                boolean sentenceInitial = i == document.firstToken(sentence);
                name(document, sentence, i, runEnd, sentenceInitial, resultLine, lowerCaseWords, mentions);
                i = runEnd;
            }
        }
        return mentions;
    }

    private static boolean startsName(Tokens tokens, int i) {
        return tokens.isCapitalized(i);
    }

    private static boolean isConnector(Tokens tokens, int i) {
        return CONNECTORS.contains(tokens.text(i).toLowerCase(Locale.ROOT)) && !tokens.isCapitalized(i);
    }

    private void name(AnnotatedDocument document, int sentence, int start, int end, boolean sentenceInitial,
                      boolean resultLine, Set<String> lowerCaseWords, List<EntityMention> out) {
        Tokens tokens = document.tokens();
        boolean personCue = false;
        while (start < end) {
            String word = tokens.text(start);
            boolean opener = start == document.firstToken(sentence) || sentenceInitial;
            boolean opensKnownName = knownPrefix(tokens, start, end) > start
                    || gazetteer.lookup(join(tokens, start, end)) != EntityType.UNKNOWN;
            boolean initial = start + 1 < end && isInitialDot(tokens, start + 1);
            if (!opensKnownName && !initial
                    && (gazetteer.isNonEntity(word) || opener && Words.isStopword(word.toLowerCase(Locale.ROOT)))) {
                start++;
                sentenceInitial = false;
            } else {
                break;
            }
        }
        boolean inGazetteer = start < end && gazetteer.lookup(join(tokens, start, end)) != EntityType.UNKNOWN;
        int of = personBeforeOf(tokens, start, end);
        if (of > start && !inGazetteer) {
            name(document, sentence, start, of, sentenceInitial, resultLine, lowerCaseWords, out);
            name(document, sentence, of + 1, end, false, resultLine, lowerCaseWords, out);
            return;
        }
        boolean knownWhole = inGazetteer || start < end && isOrganizationName(tokens, start, end);
        while (!knownWhole && start < end) {
            String word = tokens.text(start);
            if (gazetteer.isNationality(word)) {
                String country = gazetteer.countryOf(word);
                if (country != null) {
                    out.add(new EntityMention(country, new TextSpan(tokens.start(start), tokens.end(start)), sentence,
                            EntityType.LOCATION, false, false, true, false));
                }
                start++;
                sentenceInitial = false;
            } else if (end - start > 1 && gazetteer.isPersonTitle(word)) {
                start++;
                personCue = true;
                sentenceInitial = false;
            } else {
                break;
            }
        }
        while (end > start && (isConnector(tokens, end - 1) || isInitialDot(tokens, end - 1))) {
            end--;
        }
        if (start >= end || isEvent(tokens, end)) {
            return;
        }
        String text = join(tokens, start, end);
        EntityType type = gazetteer.lookup(text);
        if (type == EntityType.UNKNOWN && end - start > 1) {
            int prefixEnd = knownPrefix(tokens, start, end);
            if (prefixEnd > start && !isOrganizationName(tokens, start, end)) {
                name(document, sentence, start, prefixEnd, false, resultLine, lowerCaseWords, out);
                name(document, sentence, prefixEnd, end, false, resultLine, lowerCaseWords, out);
                return;
            }
        }
        if (type == EntityType.UNKNOWN && isOrganizationName(tokens, start, end)) {
            type = EntityType.ORGANIZATION;
        }
        if (type == EntityType.UNKNOWN && end - start == 1) {
            if (text.length() < 2 || sentenceInitial && lowerCaseWords.contains(text.toLowerCase(Locale.ROOT))) {
                return;
            }
            if (tokens.isAllCaps(start) && text.length() <= 6 && Character.isLetter(text.charAt(text.length() - 1))) {
                type = EntityType.ORGANIZATION;
            }
        }
        if (type == EntityType.UNKNOWN && end - start > 1
                && (gazetteer.isFirstName(tokens.text(start)) || containsInitial(tokens, start, end))) {
            personCue = true;
        }
        if (resultLine && !personCue && isScoredTeam(tokens, start, end, document.endToken(sentence))
                && !gazetteer.isCountry(text)) {
            type = EntityType.ORGANIZATION;
        }
        boolean placeCue = end - start == 1 && start > 0 && PLACE_PREPOSITIONS.contains(tokens.text(start - 1));
        // Organizations speak too: a speech verb only marks names shaped like a person's.
        boolean personShaped = end - start <= 3 && !sentenceInitial && !containsConnector(tokens, start, end);
        personCue |= personShaped && nextToSpeechVerb(document, start, end);
        out.add(new EntityMention(text, new TextSpan(tokens.start(start), tokens.end(end - 1)), sentence, type,
                personCue, placeCue, false, start == document.firstToken(sentence)));
    }

    /**
     * A name followed by its score, and not a player's: "A. Dale 69", "Nick Faldo 68", and bowling figures
     * ("Mullally 10-2-30-3") are players; a team's score is a plain number.
     */
    private boolean isScoredTeam(Tokens tokens, int start, int end, int sentenceEnd) {
        boolean scored = end < sentenceEnd && tokens.kind(end) == Tokens.NUMBER
                && tokens.text(end).chars().allMatch(Character::isDigit);
        boolean afterInitial = start >= 1 && isInitialDot(tokens, start - 1);
        return scored && !afterInitial && !gazetteer.isFirstName(tokens.text(start));
    }

    /** "Northwind Holdings", and "Ministry of Health": an organization word at the end or before "of". */
    private boolean isOrganizationName(Tokens tokens, int start, int end) {
        if (gazetteer.isOrganizationSuffix(tokens.text(end - 1))) {
            return true;
        }
        for (int i = start; i + 1 < end; i++) {
            if (tokens.text(i + 1).equals("of") && gazetteer.isOrganizationSuffix(tokens.text(i))) {
                return true;
            }
        }
        return false;
    }

    /** "World Cup", "US Open", "Grand Prix": events, not people, places or organizations. */
    private static boolean isEvent(Tokens tokens, int end) {
        return EVENT_WORDS.contains(tokens.text(end - 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Where a person's name is followed by "of" and where they come from or work ("R. Kettleborough of Leeds",
     * "Analyst John Casesa of Schroder Wertheim"): the index of that "of", or {@code start}. Only a given name
     * (after a title or not) or an initial makes the first part a person's, so "Bank of England" stays whole.
     */
    private int personBeforeOf(Tokens tokens, int start, int end) {
        for (int i = start + 1; i + 1 < end; i++) {
            if (tokens.text(i).equals("of")) {
                int given = gazetteer.isPersonTitle(tokens.text(start)) ? start + 1 : start;
                boolean person = given < i && gazetteer.isFirstName(tokens.text(given)) || containsInitial(tokens, start, i);
                return person ? i : start;
            }
        }
        return start;
    }

    /** The full stop of an initial: "A. Dale", "John F. Kennedy". */
    private static boolean isInitialDot(Tokens tokens, int i) {
        return i > 0 && tokens.text(i).equals(".") && tokens.end(i - 1) == tokens.start(i)
                && tokens.end(i - 1) - tokens.start(i - 1) == 1 && Character.isUpperCase(tokens.firstChar(i - 1));
    }

    private static boolean containsInitial(Tokens tokens, int start, int end) {
        for (int i = start + 1; i < end; i++) {
            if (isInitialDot(tokens, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsConnector(Tokens tokens, int start, int end) {
        for (int i = start; i < end; i++) {
            if (isConnector(tokens, i)) {
                return true;
            }
        }
        return false;
    }

    /** The end of the longest known place or organization that opens the run, or {@code start}. */
    private int knownPrefix(Tokens tokens, int start, int end) {
        for (int prefixEnd = end - 1; prefixEnd > start; prefixEnd--) {
            if (gazetteer.lookup(join(tokens, start, prefixEnd)) != EntityType.UNKNOWN) {
                return prefixEnd;
            }
        }
        return start;
    }

    private static boolean nextToSpeechVerb(AnnotatedDocument document, int start, int end) {
        Tokens tokens = document.tokens();
        int after = end;
        while (after < tokens.size() && tokens.kind(after) == Tokens.PUNCTUATION && tokens.text(after).equals(",")) {
            after++;
        }
        boolean verbAfter = after < tokens.size() && SPEECH_VERBS.contains(tokens.text(after).toLowerCase(Locale.ROOT));
        boolean verbBefore = start > 0 && SPEECH_VERBS.contains(tokens.text(start - 1).toLowerCase(Locale.ROOT));
        return verbAfter || verbBefore;
    }

    private static String join(Tokens tokens, int start, int end) {
        StringBuilder name = new StringBuilder();
        for (int i = start; i < end; i++) {
            if (i > start && !isInitialDot(tokens, i)) {
                name.append(' ');
            }
            name.append(tokens.text(i));
        }
        return name.toString();
    }

    /** Words the text writes in lower case somewhere, so a capital at the start of a sentence proves nothing. */
    private static Set<String> lowerCaseWords(Tokens tokens) {
        Set<String> words = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.isWord(i) && Character.isLowerCase(tokens.firstChar(i))) {
                words.add(tokens.text(i));
            }
        }
        return words;
    }

    /** How a sentence is made: its words, those in capitals, and its numbers. */
    private record LineShape(int words, int capitalized, int numbers) {

        static LineShape of(Tokens tokens, int start, int end) {
            int words = 0;
            int capitalized = 0;
            int numbers = 0;
            for (int i = start; i < end; i++) {
                if (tokens.kind(i) == Tokens.NUMBER) {
                    numbers++;
                } else if (tokens.isWord(i)) {
                    words++;
                    if (tokens.isAllCaps(i)) {
                        capitalized++;
                    }
                }
            }
            return new LineShape(words, capitalized, numbers);
        }

        /** A headline or result line in capitals says nothing about which of its words are names. */
        boolean isShouting() {
            return words >= 4 && capitalized * 10 >= words * 8;
        }

        /** At least one number for every two words: a results table, a standings row or a scorecard, not prose. */
        boolean isResultLine() {
            return numbers >= 2 && numbers * 2 >= words;
        }
    }
}

package dev.precis.engine.entity;

import dev.precis.engine.AnnotatedDocument;
import dev.precis.engine.WordClasses;
import dev.precis.engine.Words;
import dev.precis.engine.text.TextSpan;
import dev.precis.engine.text.Tokens;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds names as runs of capitalized words within a sentence ("Bank of England" keeps its "of", "St.
 * Petersburg" its full stop, "Securities and Exchange Commission" its "and"), then trims what is not part of
 * the name: a sentence opener that is an ordinary word ("Following", "Despite", "Residents of"), nationality
 * adjectives, and titles ("Foreign Minister Abbas Arghachi"), which it keeps as a sign the name is a person's.
 * A run that starts with a known place or organization is split there ("UN Amir Saeid Iravani") unless the
 * first word is also a given name and the rest a surname ("Jordan Peele"). Gazetteers, organization and place
 * words and the words around a name type what they can; the rest stays UNKNOWN for {@link EntityResolver} to
 * decide from all mentions together.
 */
public final class CapitalizedNameRecognizer implements EntityRecognizer {

    private static final Set<String> CONNECTORS = Set.of("of", "de", "del", "da", "di", "du", "la", "le", "van",
            "von", "der", "den", "bin", "al", "el", "y", "for");
    /** Joins two names into one only when the whole ends as an organization's name does ("Food and Drug Administration"). */
    private static final Set<String> CONJUNCTIONS = Set.of("and", "&");
    private static final Set<String> SPEECH_VERBS = Set.of("said", "says", "told", "added", "wrote", "asked",
            "explained", "stated", "tweeted", "insisted", "argued", "warned", "noted", "replied");
    /** Before a name these say it is a place: "in Turin", "near Valdoria". */
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "near", "outside", "across");
    /** After these a name is the object of a phrase ("the chief executive of Cisco, said"), not who spoke. */
    private static final Set<String> OBJECT_PREPOSITIONS = Set.of("of", "at", "for", "from", "with", "by", "to");
    private static final int MAX_RUN = 10;
    /** Names of events, not of people, places or organizations: "World Cup", "US Open", "Grand Prix". */
    private static final Set<String> EVENT_LAST_WORDS = Set.of("cup", "open", "championship", "championships", "classic",
            "prix", "games", "olympics", "tournament", "trophy", "series", "masters", "rally", "marathon", "derby",
            "invitational", "challenge", "festival", "awards", "war", "day", "bowl", "march", "debates", "debate");
    /** Verbs of a sports result whose subject is a side: "Leicestershire beat Somerset". */
    private static final Set<String> RESULT_VERBS_AFTER = Set.of("beat", "beats", "defeated", "thrashed", "edged", "routed",
            "drew", "trounced", "overcame", "outclassed", "crushed", "downed", "hammered", "lost", "won");
    /** Words before the losing or opposing side: "beat Somerset", "lost to Essex", "against Kent", "drew with Surrey". */
    private static final Set<String> RESULT_VERBS_BEFORE = Set.of("beat", "beating", "defeated", "defeating", "thrashed",
            "edged", "routed", "trounced", "overcame", "against", "versus", "vs");

    /** Storms are named like people: "Hurricane Marisol" is an event. */
    private static final Set<String> EVENT_FIRST_WORDS = Set.of("hurricane", "storm", "typhoon", "cyclone", "tropical");

    /** Heads of the formal names of states and their bodies: "City of Chicago", "Republic of Korea". */
    private static final Set<String> STATE_HEADS = Set.of("city", "state", "republic", "kingdom", "commonwealth",
            "province", "county", "principality", "emirate", "sultanate", "federation");

    private final Gazetteer gazetteer = new Gazetteer();

    @Override
    public List<EntityMention> recognize(AnnotatedDocument document) {
        Tokens tokens = document.tokens();
        Set<String> lowerCaseWords = lowerCaseWords(tokens);
        List<EntityMention> mentions = new ArrayList<>();
        for (int sentence = 0; sentence < document.sentences().size(); sentence++) {
            int end = document.endToken(sentence);
            if (isShouting(tokens, document.firstToken(sentence), end)) {
                continue;
            }
            int opener = firstWord(tokens, document.firstToken(sentence), end);
            boolean scores = isScoreLine(tokens, document.firstToken(sentence), end);
            int i = document.firstToken(sentence);
            while (i < end) {
                if (!startsName(tokens, i)) {
                    i++;
                    continue;
                }
                int runEnd = runEnd(tokens, i, end);
                name(document, sentence, i, runEnd, i == opener, scores, lowerCaseWords, mentions);
                i = runEnd;
            }
        }
        return sharedTypes(document, mentions);
    }

    /**
     * Names in a list share their kind: "Norfolk and Lincolnshire", "Spain, Greece and Italy". A name the lists
     * cannot type takes the type of a typed place or organization it is listed with.
     */
    private static List<EntityMention> sharedTypes(AnnotatedDocument document, List<EntityMention> mentions) {
        List<EntityMention> typed = new ArrayList<>(mentions);
        for (int pass = 0; pass < 2; pass++) {
            for (int m = 0; m + 1 < typed.size(); m++) {
                EntityMention a = typed.get(m);
                EntityMention b = typed.get(m + 1);
                if (a.sentence() != b.sentence() || a.derived() || b.derived() || listedType(a) == listedType(b)) {
                    continue;
                }
                String between = document.text().substring(a.span().end(), Math.max(a.span().end(), b.span().start())).strip();
                if (!between.equals("and") && !between.equals(",") && !between.equals("or") && !between.equals(", and")) {
                    continue;
                }
                EntityType typeA = listedType(a);
                EntityType typeB = listedType(b);
                if (a.type() == EntityType.UNKNOWN && !a.personCue() && typeB != EntityType.UNKNOWN) {
                    typed.set(m, a.withType(typeB));
                } else if (b.type() == EntityType.UNKNOWN && !b.personCue() && typeA != EntityType.UNKNOWN) {
                    typed.set(m + 1, b.withType(typeA));
                }
            }
        }
        return typed;
    }

    /** What a listed name passes on to its neighbours: a place or an organization, by list or by cue. */
    private static EntityType listedType(EntityMention mention) {
        if (mention.type() == EntityType.LOCATION || mention.type() == EntityType.ORGANIZATION) {
            return mention.type();
        }
        return mention.placeCue() && !mention.personCue() ? EntityType.LOCATION : EntityType.UNKNOWN;
    }

    /** A capitalized word, or a brand written with an inner capital that the lists know ("easyJet", "eBay"). */
    private boolean startsName(Tokens tokens, int i) {
        if (tokens.isCapitalized(i)) {
            return true;
        }
        String word = tokens.text(i);
        return tokens.isWord(i) && !word.equals(lower(word)) && gazetteer.lookup(word) == EntityType.ORGANIZATION;
    }

    /** The end of the name run starting at {@code start}: capitalized words, connectors and kept full stops. */
    private int runEnd(Tokens tokens, int start, int end) {
        int runEnd = start + 1;
        while (runEnd < end && runEnd - start < MAX_RUN) {
            if (isKeptDot(tokens, runEnd) || isTitleDot(tokens, runEnd) && gazetteer.isPersonTitle(tokens.text(runEnd - 1))) {
                runEnd++;
            } else if (tokens.isCapitalized(runEnd) && sameParagraphLine(tokens, runEnd - 1, runEnd)) {
                runEnd++;
            } else if (isConnector(tokens, runEnd) && runEnd + 1 < end && tokens.isCapitalized(runEnd + 1)) {
                runEnd++;
            } else if (tokens.text(runEnd).equals("for") && runEnd + 2 < end && tokens.text(runEnd + 1).equals("the")
                    && tokens.isCapitalized(runEnd + 2) && containsOrganizationWord(tokens, start, runEnd)) {
                // "Court of Appeals for the Federal Circuit": a body's name may go on with "for the".
                runEnd += 2;
            } else if (isConjunction(tokens, runEnd) && runEnd + 1 < end && tokens.isCapitalized(runEnd + 1)) {
                int joined = runEnd(tokens, runEnd + 1, end);
                boolean organization = gazetteer.isOrganizationSuffix(tokens.text(joined - 1))
                        || isOrganizationName(tokens, start, runEnd) && gazetteer.lookup(join(tokens, runEnd + 1, joined)) == EntityType.LOCATION;
                if (!organization || joined - start > MAX_RUN) {
                    break;
                }
                runEnd = joined;
            } else if (tokens.text(runEnd).equals(",") && runEnd + 1 < end && tokens.text(runEnd + 1).equals("D.C.")) {
                // The one place whose name includes a comma: "Washington, D.C."
                runEnd += 2;
            } else {
                break;
            }
        }
        return runEnd;
    }

    /** A name never runs over a line or paragraph break, whatever the sentence splitter made of it. */
    private static boolean sameParagraphLine(Tokens tokens, int before, int after) {
        return tokens.start(after) - tokens.end(before) <= 2;
    }

    private static boolean isConnector(Tokens tokens, int i) {
        return CONNECTORS.contains(tokens.text(i).toLowerCase(Locale.ROOT)) && !tokens.isCapitalized(i);
    }

    private static boolean isConjunction(Tokens tokens, int i) {
        return CONJUNCTIONS.contains(tokens.text(i));
    }

    private void name(AnnotatedDocument document, int sentence, int start, int end, boolean sentenceInitial,
                      boolean scores, Set<String> lowerCaseWords, List<EntityMention> out) {
        Tokens tokens = document.tokens();
        boolean personCue = false;
        boolean organizationCue = false;
        boolean openerPlaceCue = false;
        // Openers: words with a capital only because they start the sentence, and what they bring with them.
        while (start < end) {
            String word = tokens.text(start);
            boolean knownAhead = knownPrefix(tokens, start, end) > start || gazetteer.lookup(join(tokens, start, end)) != EntityType.UNKNOWN;
            boolean headOfName = start + 1 < end && tokens.text(start + 1).equals("of") && isNameHead(word);
            boolean initial = start + 1 < end && isInitialDot(tokens, start + 1);
            boolean ordinary = sentenceInitial && end - start > 1 && (isOrdinaryWord(word) || nounBeforeOf(tokens, start, end));
            if (knownAhead || headOfName || initial
                    || !(gazetteer.isNonEntity(word) || ordinary || sentenceInitial && Words.isStopword(lower(word)))) {
                break;
            }
            organizationCue |= cueBefore(tokens, start + 1, gazetteer.organizationCuesBefore(), word);
            openerPlaceCue |= start + 1 < end && tokens.text(start + 1).equals("of")
                    && cueBefore(tokens, start + 2, gazetteer.placeCuesBefore(), word);
            start++;
            sentenceInitial = false;
            if (start < end && isTitleDot(tokens, start)) {
                start++;
            }
            while (start < end && (isConnector(tokens, start) || isConjunction(tokens, start))) {
                start++;
            }
        }
        int title = titleInside(tokens, start, end);
        if (title > start) {
            name(document, sentence, start, title, sentenceInitial, scores, lowerCaseWords, out);
            name(document, sentence, title, end, false, scores, lowerCaseWords, out);
            return;
        }
        boolean inGazetteer = start < end && gazetteer.lookup(join(tokens, start, end)) != EntityType.UNKNOWN;
        int of = personBeforeOf(tokens, start, end);
        if (of > start && !inGazetteer) {
            name(document, sentence, start, of, sentenceInitial, scores, lowerCaseWords, out);
            name(document, sentence, of + 1, end, false, scores, lowerCaseWords, out);
            return;
        }
        boolean knownWhole = inGazetteer || start < end && (isOrganizationName(tokens, start, end) || isPlaceName(tokens, start, end));
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
                if (start < end && isTitleDot(tokens, start)) {
                    start++;
                }
                personCue = true;
                sentenceInitial = false;
            } else {
                break;
            }
        }
        while (end > start && (isConnector(tokens, end - 1) || isConjunction(tokens, end - 1)
                || tokens.text(end - 1).equals(".") && !isKeptDot(tokens, end - 1))) {
            end--;
        }
        if (start >= end || !startsName(tokens, start) || isEvent(tokens, start, end)) {
            return;
        }
        String text = join(tokens, start, end);
        EntityType type = gazetteer.lookup(text);
        if (type == EntityType.UNKNOWN && text.endsWith(", D.C.")) {
            type = EntityType.LOCATION;
        }
        if (type == EntityType.UNKNOWN && isTeam(tokens, start, end)) {
            type = EntityType.ORGANIZATION;
        }
        if (type == EntityType.UNKNOWN && end - start > 1) {
            int prefixEnd = knownPrefix(tokens, start, end);
            if (prefixEnd > start && !isOrganizationName(tokens, start, end) && !isPlaceName(tokens, start, end)
                    && !givenNameAndSurname(tokens, start, end)) {
                name(document, sentence, start, prefixEnd, false, scores, lowerCaseWords, out);
                name(document, sentence, prefixEnd, end, false, scores, lowerCaseWords, out);
                return;
            }
        }
        if (type == EntityType.UNKNOWN && isOrganizationName(tokens, start, end)) {
            type = EntityType.ORGANIZATION;
        }
        if (type == EntityType.UNKNOWN && isPlaceName(tokens, start, end)) {
            type = EntityType.LOCATION;
        }
        if (type == EntityType.UNKNOWN && end - start == 1) {
            if (text.length() < 2 || sentenceInitial && lowerCaseWords.contains(lower(text))) {
                return;
            }
            if (tokens.isAllCaps(start) && text.length() <= 6 && Character.isLetter(text.charAt(text.length() - 1))) {
                type = EntityType.ORGANIZATION;
            }
        }
        organizationCue |= cueBefore(tokens, start, gazetteer.organizationCuesBefore(), null)
                || cueAfter(tokens, end, gazetteer.organizationCuesAfter()) || appositiveCue(tokens, end)
                || possessionCue(tokens, end);
        // "the Tate", "the Kremlin": a lone name after "the" is an institution's or a place's, never a person's.
        boolean afterThe = end - start == 1 && start > 0 && lower(tokens.text(start - 1)).equals("the") && !placeCueAhead(tokens, end);
        if (type == EntityType.UNKNOWN && (organizationCue || afterThe)) {
            type = EntityType.ORGANIZATION;
        }
        if ((type == EntityType.UNKNOWN || type == EntityType.LOCATION) && !gazetteer.isCountry(text)
                && (scores && isScored(tokens, start, end, document.endToken(sentence)) || transfer(tokens, start, end, document.firstToken(sentence))
                || (type == EntityType.LOCATION || !personCue && (end - start == 1 || placePrefix(tokens, start, end)))
                && nextToResultVerb(tokens, start, end))) {
            // A team is named for its place ("Leicestershire beat Somerset", "Chicago 5 Detroit 3"); a country's
            // name stays the country's, as news writes "Brazil beat Spain" of the nation's side.
            type = EntityType.ORGANIZATION;
        }
        if (type == EntityType.UNKNOWN && end - start > 1
                && (gazetteer.isFirstName(tokens.text(start)) || containsInitial(tokens, start, end))) {
            personCue = true;
        }
        if (type == EntityType.UNKNOWN && !personCue && end - start > 1 && containsOrganizationWord(tokens, start, end)) {
            type = EntityType.ORGANIZATION;
        }
        boolean placeCue = openerPlaceCue || hometown(tokens, start, end, out) || (start > 0 && PLACE_PREPOSITIONS.contains(tokens.text(start - 1))
                || cueBefore(tokens, start, gazetteer.placeCuesBefore(), null)
                || end < tokens.size() && !tokens.isCapitalized(end) && gazetteer.isPlaceWordAfter(tokens.text(end)))
                && (end - start == 1 || !gazetteer.isFirstName(tokens.text(start)));
        // Organizations speak too: a speech verb only marks names shaped like a person's, and only their own.
        boolean personShaped = end - start <= 3 && !sentenceInitial && !containsConnector(tokens, start, end);
        personCue |= personShaped && nextToSpeechVerb(tokens, start, end);
        out.add(new EntityMention(text, new TextSpan(tokens.start(start), tokens.end(end - 1)), sentence, type,
                personCue, placeCue, false, sentenceInitial));
    }

    /**
     * A capitalized word that is an ordinary English word and not a name: the tag dictionary knows its lower
     * case and never saw the capitalized form as a proper noun ("Following", "Despite", "Residents").
     */
    private boolean isOrdinaryWord(String word) {
        if (gazetteer.isFirstName(word) || gazetteer.isPersonTitle(word)) {
            return false;
        }
        int asWritten = WordClasses.of(word);
        int lowered = WordClasses.of(lower(word));
        return lowered != WordClasses.UNKNOWN && !WordClasses.can(asWritten, WordClasses.PROPER_NOUN);
    }

    /** "Shares of Netflix", "Residents of Shrewsbury": a common noun opening the sentence, then "of" and a name. */
    private boolean nounBeforeOf(Tokens tokens, int start, int end) {
        String word = tokens.text(start);
        return start + 2 < end && tokens.text(start + 1).equals("of") && !isNameHead(word) && !gazetteer.isFirstName(word)
                && WordClasses.can(WordClasses.of(lower(word)), WordClasses.NOUN);
    }

    /** "Government of India", "Gulf of Finland", "City of Chicago": words that head a name built with "of". */
    private boolean isNameHead(String word) {
        return gazetteer.isOrganizationSuffix(word) || gazetteer.isPlaceFirstWord(word) || STATE_HEADS.contains(lower(word));
    }

    /** Whether the words just before {@code at} (plus {@code extra}, a word about to be dropped) are a cue. */
    private static boolean cueBefore(Tokens tokens, int at, List<String[]> cues, String extra) {
        for (String[] cue : cues) {
            int i = at - 1;
            int c = cue.length - 1;
            while (c >= 0 && i >= 0 && lower(tokens.text(i)).equals(cue[c])) {
                i--;
                c--;
            }
            if (c < 0 || c == 0 && i < 0 && extra != null && lower(extra).equals(cue[0])) {
                return true;
            }
        }
        return false;
    }

    private static boolean cueAfter(Tokens tokens, int at, List<String[]> cues) {
        for (String[] cue : cues) {
            int i = at;
            int c = 0;
            while (c < cue.length && i < tokens.size() && lower(tokens.text(i).replace('’', '\'')).equals(cue[c])) {
                i++;
                c++;
            }
            if (c == cue.length) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where a title starts a person's name inside a longer run, after an organization's or a place's name
     * ("European Central Bank President Christine Lagarde"): the title's index, or {@code start}.
     */
    private int titleInside(Tokens tokens, int start, int end) {
        for (int k = start + 1; k + 1 < end; k++) {
            if (gazetteer.isPersonTitle(tokens.text(k)) && tokens.isCapitalized(k) && (gazetteer.isOrganizationSuffix(tokens.text(k - 1))
                    || gazetteer.lookup(join(tokens, start, k)) != EntityType.UNKNOWN || gazetteer.isFirstName(tokens.text(k + 1)))) {
                return k;
            }
        }
        return start;
    }

    /**
     * A team named for its city and a plural nickname ("Chicago Cubs", "St. Louis Cardinals"), as North
     * American and many other leagues name them.
     */
    private boolean isTeam(Tokens tokens, int start, int end) {
        int prefixEnd = knownPrefix(tokens, start, end);
        String last = tokens.text(end - 1);
        return prefixEnd > start && end - prefixEnd <= 2 && gazetteer.lookup(join(tokens, start, prefixEnd)) == EntityType.LOCATION
                && last.length() > 3 && last.endsWith("s") && !gazetteer.isFirstName(last) && !gazetteer.isPlaceLastWord(last)
                && !gazetteer.isOrganizationSuffix(last);
    }

    /** "Halvorsen's new phones", "Orvane's customers": what a company has, said with a possessive. */
    private boolean possessionCue(Tokens tokens, int end) {
        if (end + 1 >= tokens.size() || !tokens.text(end).replace('’', '\'').equals("'s")) {
            return false;
        }
        int noun = end + 1;
        if (noun + 1 < tokens.size() && Set.of("new", "latest", "own", "biggest", "largest").contains(lower(tokens.text(noun)))) {
            noun++;
        }
        return gazetteer.isOrganizationPossession(tokens.text(noun));
    }

    /** ", the bakery chain", ", a drone maker": the apposition after a name says it is a company or body. */
    private boolean appositiveCue(Tokens tokens, int end) {
        if (end + 2 >= tokens.size() || !tokens.text(end).equals(",") || !Set.of("the", "a", "an").contains(lower(tokens.text(end + 1)))) {
            return false;
        }
        for (int i = end + 2; i < Math.min(tokens.size(), end + 6) && tokens.isWord(i); i++) {
            if (gazetteer.isOrganizationNoun(tokens.text(i))) {
                return true;
            }
        }
        return false;
    }

    /** "Jordan Peele", "Virginia Alcott": a given name that is also a place, then a word no list knows. */
    private boolean givenNameAndSurname(Tokens tokens, int start, int end) {
        if (end - start != 2 || !gazetteer.isFirstName(tokens.text(start))) {
            return false;
        }
        String rest = tokens.text(start + 1);
        return gazetteer.lookup(rest) == EntityType.UNKNOWN && !gazetteer.isOrganizationSuffix(rest)
                && !gazetteer.isPlaceLastWord(rest);
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

    /** A lower-case place word right after the name ("the Atacama desert"): a place, not an institution. */
    private boolean placeCueAhead(Tokens tokens, int end) {
        return end < tokens.size() && !tokens.isCapitalized(end) && gazetteer.isPlaceWordAfter(tokens.text(end));
    }

    /** "councillor Yusuf Demir of Bristol": one word after a person's name and "of" is where they are from. */
    private static boolean hometown(Tokens tokens, int start, int end, List<EntityMention> out) {
        if (end - start != 1 || start < 2 || !tokens.text(start - 1).equals("of") || out.isEmpty()) {
            return false;
        }
        EntityMention previous = out.get(out.size() - 1);
        return previous.personCue() && previous.span().end() == tokens.end(start - 2);
    }

    /** "Norwich City": a name that opens with a known place's name. */
    private boolean placePrefix(Tokens tokens, int start, int end) {
        int prefixEnd = knownPrefix(tokens, start, end);
        return prefixEnd > start && gazetteer.lookup(join(tokens, start, prefixEnd)) == EntityType.LOCATION;
    }

    /** "Church Commissioners": a name that holds an organization word anywhere is no one's personal name. */
    private boolean containsOrganizationWord(Tokens tokens, int start, int end) {
        for (int i = start; i < end; i++) {
            if (gazetteer.isOrganizationSuffix(tokens.text(i))) {
                return true;
            }
        }
        return false;
    }

    /** "Lake Tana", "North Berwick", "Tarrant County", "Gulf of Finland": a place word opens or closes it. */
    private boolean isPlaceName(Tokens tokens, int start, int end) {
        return end - start > 1 && (gazetteer.isPlaceFirstWord(tokens.text(start)) || gazetteer.isPlaceLastWord(tokens.text(end - 1)));
    }

    private static boolean isEvent(Tokens tokens, int start, int end) {
        return EVENT_LAST_WORDS.contains(lower(tokens.text(end - 1)))
                || end - start > 1 && EVENT_FIRST_WORDS.contains(lower(tokens.text(start)));
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

    /** A full stop that belongs to the name: an initial's ("John F. Kennedy") or a kept abbreviation's ("St. Louis"). */
    private boolean isKeptDot(Tokens tokens, int i) {
        return isInitialDot(tokens, i) || i > 0 && tokens.text(i).equals(".") && tokens.end(i - 1) == tokens.start(i)
                && gazetteer.isNameAbbreviation(tokens.text(i - 1));
    }

    /** The full stop of an abbreviated title ("Dr.", "Gen."), dropped with the title. */
    private static boolean isTitleDot(Tokens tokens, int i) {
        return tokens.text(i).equals(".") && tokens.end(i - 1) == tokens.start(i);
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
            if (isConnector(tokens, i) || isConjunction(tokens, i)) {
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

    private static boolean nextToSpeechVerb(Tokens tokens, int start, int end) {
        int after = end;
        while (after < tokens.size() && tokens.kind(after) == Tokens.PUNCTUATION && tokens.text(after).equals(",")) {
            after++;
        }
        boolean objectOfPhrase = start > 0 && OBJECT_PREPOSITIONS.contains(lower(tokens.text(start - 1)));
        boolean verbAfter = !objectOfPhrase && after < tokens.size() && SPEECH_VERBS.contains(lower(tokens.text(after)));
        boolean verbBefore = start > 0 && SPEECH_VERBS.contains(lower(tokens.text(start - 1)));
        return verbAfter || verbBefore;
    }

    /** The name as written: words joined by one space, kept full stops and possessive-free. */
    private static String join(Tokens tokens, int start, int end) {
        StringBuilder name = new StringBuilder();
        for (int i = start; i < end; i++) {
            boolean attached = (tokens.text(i).equals(".") || tokens.text(i).equals(",")) && tokens.end(i - 1) == tokens.start(i);
            if (i > start && !attached) {
                name.append(' ');
            }
            name.append(tokens.text(i));
        }
        return name.toString();
    }

    /** The first word of a sentence, past any opening quote or bracket. */
    private static int firstWord(Tokens tokens, int start, int end) {
        int i = start;
        while (i < end && tokens.kind(i) == Tokens.PUNCTUATION) {
            i++;
        }
        return i;
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

    /**
     * Sports results ("Millwall 2 Burnley 1", standings and scorecards): at least one number for every two
     * words, where a name followed by a plain number is a side and its score.
     */
    private static boolean isScoreLine(Tokens tokens, int start, int end) {
        int words = 0;
        int numbers = 0;
        for (int i = start; i < end; i++) {
            if (tokens.kind(i) == Tokens.NUMBER) {
                numbers++;
            } else if (tokens.isWord(i)) {
                words++;
            }
        }
        return numbers >= 2 && numbers * 2 >= words;
    }

    /** A name followed by its score and not a player's: after an initial ("A. Dale 69") or a given name it is a player. */
    private boolean isScored(Tokens tokens, int start, int end, int sentenceEnd) {
        boolean scored = end < sentenceEnd && tokens.kind(end) == Tokens.NUMBER && tokens.text(end).chars().allMatch(Character::isDigit);
        boolean initials = start >= 1 && isInitialDot(tokens, start - 1) || containsInitial(tokens, start, end);
        return scored && !initials && !gazetteer.isFirstName(tokens.text(start));
    }

    /**
     * A club in a transfer: "Liverpool completed the signing of ...", "joined the club from Celtic", "signed
     * from Ajax". The words of the football transfer page make a place's name its club's.
     */
    private static boolean transfer(Tokens tokens, int start, int end, int sentenceStart) {
        boolean buyer = end + 2 < tokens.size() && lower(tokens.text(end)).equals("completed") && lower(tokens.text(end + 2)).startsWith("sign");
        if (buyer) {
            return true;
        }
        if (start == 0 || !lower(tokens.text(start - 1)).equals("from")) {
            return false;
        }
        for (int i = Math.max(sentenceStart, start - 12); i < start - 1; i++) {
            String word = lower(tokens.text(i));
            if (word.startsWith("sign") || word.equals("joined") || word.startsWith("transfer") || word.equals("loan")) {
                return true;
            }
        }
        return false;
    }

    /** "Leicestershire beat Somerset", "lost to Essex": a place named as the side in a result is the team. */
    private boolean nextToResultVerb(Tokens tokens, int start, int end) {
        boolean before = start > 0 && RESULT_VERBS_BEFORE.contains(lower(tokens.text(start - 1)));
        boolean after = end < tokens.size() && RESULT_VERBS_AFTER.contains(lower(tokens.text(end)));
        return (before || after) && !gazetteer.isFirstName(tokens.text(start));
    }

    /** A headline in capitals says nothing about which of its words are names. */
    private static boolean isShouting(Tokens tokens, int start, int end) {
        int words = 0;
        int capitals = 0;
        for (int i = start; i < end; i++) {
            if (tokens.isWord(i)) {
                words++;
                if (tokens.isAllCaps(i)) {
                    capitals++;
                }
            }
        }
        return words >= 4 && capitals * 10 >= words * 8;
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}

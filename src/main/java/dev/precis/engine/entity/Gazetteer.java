package dev.precis.engine.entity;

import dev.precis.engine.Lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The name lists written for this project, and the questions the recognizer asks of them. */
final class Gazetteer {

    private static final int SHORT_ACRONYM = 3;

    private final Set<String> locations = Lexicon.phrases("locations.txt");
    private final Set<String> organizations = union(Lexicon.phrases("organizations.txt"), Lexicon.phrases("companies.txt"));
    private final Set<String> organizationSuffixes = Lexicon.words("organization-suffixes.txt");
    private final Set<String> firstNames = Lexicon.words("first-names.txt");
    private final Set<String> personTitles = Lexicon.words("person-titles.txt");
    private final Set<String> nationalities = Lexicon.words("nationalities.txt");
    private final Set<String> nonEntities = Lexicon.words("non-entities.txt");
    private final Set<String> nameAbbreviations = Lexicon.words("name-abbreviations.txt");
    private final Map<String, String> countryOfNationality = countries();
    private final Set<String> countries = Lexicon.phrases("countries.txt");
    private final Set<String> placeFirstWords;
    private final Set<String> placeLastWords;
    private final List<String[]> placeCuesBefore;
    private final Set<String> placeWordsAfter;
    private final List<String[]> organizationCuesBefore;
    private final List<String[]> organizationCuesAfter;
    private final Set<String> organizationNouns;
    private final Set<String> organizationPossessions;

    Gazetteer() {
        Map<String, List<String>> placeWords = Lexicon.sections("location-words.txt");
        placeFirstWords = words(placeWords.get("first"));
        placeLastWords = words(placeWords.get("last"));
        placeCuesBefore = phrases(placeWords.get("before"));
        placeWordsAfter = words(placeWords.get("after"));
        Map<String, List<String>> cues = Lexicon.sections("organization-cues.txt");
        organizationCuesBefore = phrases(cues.get("before"));
        organizationCuesAfter = phrases(cues.get("after"));
        organizationPossessions = words(cues.get("possessions"));
        Set<String> nouns = new HashSet<>();
        organizationCuesBefore.stream().filter(cue -> cue.length == 1).forEach(cue -> nouns.add(cue[0]));
        nouns.remove("rival");
        organizationNouns = Set.copyOf(nouns);
    }

    /** The type the lists give a whole name, or UNKNOWN. Short entries ("WHO", "AP") must be in capitals. */
    EntityType lookup(String name) {
        String key = name.toLowerCase(Locale.ROOT).replace('’', '\'');
        boolean shortWord = key.length() <= SHORT_ACRONYM && key.indexOf(' ') < 0;
        if (shortWord && !name.equals(name.toUpperCase(Locale.ROOT))) {
            return EntityType.UNKNOWN;
        }
        if (locations.contains(key)) {
            return EntityType.LOCATION;
        }
        if (organizations.contains(key)) {
            return EntityType.ORGANIZATION;
        }
        return EntityType.UNKNOWN;
    }

    boolean isOrganizationSuffix(String word) {
        return organizationSuffixes.contains(lower(word));
    }

    boolean isFirstName(String word) {
        return firstNames.contains(lower(word));
    }

    boolean isPersonTitle(String word) {
        return personTitles.contains(lower(word).replace(".", ""));
    }

    boolean isNationality(String word) {
        return nationalities.contains(lower(word));
    }

    boolean isNonEntity(String word) {
        return nonEntities.contains(lower(word));
    }

    boolean isCountry(String name) {
        return countries.contains(lower(name));
    }

    /** "St", "Mt", "Co": abbreviations whose full stop stays inside a name. */
    boolean isNameAbbreviation(String word) {
        return nameAbbreviations.contains(lower(word));
    }

    boolean isPlaceFirstWord(String word) {
        return placeFirstWords.contains(lower(word));
    }

    boolean isPlaceLastWord(String word) {
        return placeLastWords.contains(lower(word));
    }

    /** Phrases after which "of" introduces a place ("residents of", "the mayor of"). */
    List<String[]> placeCuesBefore() {
        return placeCuesBefore;
    }

    /** Lower-case words that, right after a name, make it a place ("the Atacama desert", "its Solihull factory"). */
    boolean isPlaceWordAfter(String word) {
        return placeWordsAfter.contains(lower(word));
    }

    /** Phrases that come just before a company's name ("shares of"), as lower-case words. */
    List<String[]> organizationCuesBefore() {
        return organizationCuesBefore;
    }

    /** A one-word cue that names what kind of body something is ("company", "chain", "carmaker"). */
    boolean isOrganizationNoun(String word) {
        return organizationNouns.contains(lower(word));
    }

    /** What only a company owns ("customers", "phones"), said of it with a possessive. */
    boolean isOrganizationPossession(String word) {
        return organizationPossessions.contains(lower(word));
    }

    /** Phrases that come just after a company's name ("said in a statement", "'s shares"). */
    List<String[]> organizationCuesAfter() {
        return organizationCuesAfter;
    }

    /** The country a nationality adjective refers to ("Iranian" → "Iran"), or null. */
    String countryOf(String nationality) {
        return countryOfNationality.get(lower(nationality));
    }

    private static Map<String, String> countries() {
        Map<String, String> countries = new HashMap<>();
        for (String line : Lexicon.lines("nationality-countries.tsv")) {
            String[] columns = line.split("\t");
            countries.put(columns[0], columns[1]);
        }
        return Map.copyOf(countries);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return Set.copyOf(union);
    }

    private static Set<String> words(List<String> lines) {
        Set<String> words = new HashSet<>();
        lines.forEach(line -> words.addAll(List.of(line.split("\\s+"))));
        return Set.copyOf(words);
    }

    /** Phrases split as the tokenizer splits them: words apart, a possessive "'s" as a word of its own. */
    private static List<String[]> phrases(List<String> lines) {
        List<String[]> phrases = new ArrayList<>();
        for (String line : lines) {
            phrases.add(line.replace("'s", " 's").strip().split("\\s+"));
        }
        return List.copyOf(phrases);
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}

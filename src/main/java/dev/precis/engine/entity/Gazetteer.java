package dev.precis.engine.entity;

import dev.precis.engine.Lexicon;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The name lists written for this project, and the questions the recognizer asks of them. */
final class Gazetteer {

    private static final int SHORT_ACRONYM = 3;

    private final Set<String> locations = Lexicon.phrases("locations.txt");
    private final Set<String> organizations = Lexicon.phrases("organizations.txt");
    private final Set<String> organizationSuffixes = Lexicon.words("organization-suffixes.txt");
    private final Set<String> firstNames = Lexicon.words("first-names.txt");
    private final Set<String> personTitles = Lexicon.words("person-titles.txt");
    private final Set<String> nationalities = Lexicon.words("nationalities.txt");
    private final Set<String> nonEntities = Lexicon.words("non-entities.txt");
    private final Map<String, String> countryOfNationality = countries();
    private final Set<String> countries = Lexicon.phrases("countries.txt");

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

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}

package dev.precis.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WordClassesTest {

    @ParameterizedTest
    @CsvSource({
            "jet, NOUN, VERB",
            "despite, FUNCTION, NOUN",
            "possibly, ADVERB, NOUN",
            "answer, NOUN, ADVERB",
            "answer, VERB, ADVERB",
            "they, PRONOUN, NOUN",
            "the, FUNCTION, PRONOUN",
            "brave, ADJECTIVE, NOUN",
            "Ministry, PROPER_NOUN, VERB",
            "ministry, NOUN, FUNCTION",
    })
    void aKnownWordCanTakeItsClassesAndNoOthers(String word, String can, String cannot) {
        int classes = WordClasses.of(word);
        assertThat(WordClasses.can(classes, classBit(can))).as(word + " can be " + can).isTrue();
        assertThat(WordClasses.can(classes, classBit(cannot))).as(word + " cannot be " + cannot).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"Kettleborough", "zzzqx", "''"})
    void aWordTheDictionaryDoesNotKnowIsUnknown(String word) {
        assertThat(WordClasses.of(word)).isEqualTo(WordClasses.UNKNOWN);
        assertThat(WordClasses.only(WordClasses.of(word), WordClasses.VERB)).isFalse();
    }

    private static int classBit(String name) {
        return switch (name) {
            case "NOUN" -> WordClasses.NOUN;
            case "PROPER_NOUN" -> WordClasses.PROPER_NOUN;
            case "ADJECTIVE" -> WordClasses.ADJECTIVE;
            case "VERB" -> WordClasses.VERB;
            case "ADVERB" -> WordClasses.ADVERB;
            case "NUMBER" -> WordClasses.NUMBER;
            case "PRONOUN" -> WordClasses.PRONOUN;
            case "FUNCTION" -> WordClasses.FUNCTION;
            default -> throw new IllegalArgumentException(name);
        };
    }
}

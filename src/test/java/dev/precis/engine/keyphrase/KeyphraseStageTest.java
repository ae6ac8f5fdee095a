package dev.precis.engine.keyphrase;

import dev.precis.api.Brief;
import dev.precis.engine.EngineFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeyphraseStageTest {

    @Test
    void repeatedContentPhrasesRankFirstAndPluralsFold() {
        Brief brief = EngineFixture.analyze(null, "The city approved new parking fees on Monday. Parking fees will rise "
                + "in the centre. Drivers oppose the parking fee, which funds bus lanes.");
        assertThat(brief.keyphrases().get(0).text()).isEqualTo("parking fees");
        assertThat(brief.keyphrases()).extracting(Brief.Keyphrase::text).doesNotContain("parking fee");
        assertThat(brief.keyphrases()).allSatisfy(k -> {
            assertThat(k.text()).doesNotStartWith("the ").doesNotEndWith(" the");
            assertThat(k.score()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void aNameOpeningASentenceKeepsItsCapitalsWhileACommonWordLosesIt() {
        Brief brief = EngineFixture.analyze(null, "Harbour fees rose again this spring. Martin Olsen runs the harbour office. "
                + "Martin Olsen said the harbour fees pay for dredging.");
        assertThat(brief.keyphrases()).extracting(Brief.Keyphrase::text)
                .contains("Martin Olsen", "harbour fees")
                .doesNotContain("martin Olsen", "Harbour fees");
    }

    @Test
    void aRoleBeforeAPersonsNameIsNotPartOfTheKeyphrase() {
        Brief brief = EngineFixture.analyze(null, "The club hired coach Doc Rivers on Friday. Doc Rivers said the club "
                + "wants a title. Fans cheered when coach Doc Rivers arrived at the arena.");
        assertThat(brief.keyphrases()).extracting(Brief.Keyphrase::text)
                .contains("Doc Rivers")
                .noneMatch(text -> text.startsWith("coach Doc"));
    }

    @Test
    void wordsThatCanOnlyBeVerbsOrAdverbsBreakPhrasesAndContractionsAreNoKeyphrases() {
        Brief brief = EngineFixture.analyze(null, "Regulators slammed ferry delays again. We're tired, commuters say, "
                + "and they've complained about ferry delays for months. Regulators abroad fined the operator.");
        assertThat(brief.keyphrases()).extracting(Brief.Keyphrase::text)
                .contains("ferry delays")
                .noneMatch(text -> text.contains("slammed") || text.contains("abroad"))
                .noneMatch(text -> text.contains("'"));
    }

    @Test
    void aWordTooSpecificForTheDictionaryOutranksACommonOneSeenAsOften() {
        Brief brief = EngineFixture.analyze(null, "Divers reported a shortage of plankton in the bay. The shortage "
                + "worries fishermen, and plankton keeps thinning in the bay.");
        List<String> texts = brief.keyphrases().stream().map(Brief.Keyphrase::text).toList();
        assertThat(texts).contains("plankton", "shortage");
        assertThat(texts.indexOf("plankton")).isLessThan(texts.indexOf("shortage"));
    }

    @Test
    void theDatelineSaysWhereAStoryWasFiledNotWhatItIsAbout() {
        Brief brief = EngineFixture.analyze(null, "ORSA, Lindmark - A cemetery owner was charged with selling plots twice. "
                + "The cemetery owner denied the charges. Families who bought plots want refunds.");
        assertThat(brief.keyphrases()).extracting(Brief.Keyphrase::text)
                .contains("cemetery owner")
                .noneMatch(text -> text.contains("ORSA") || text.contains("Lindmark"));
    }

    @Test
    void aPhraseInsideAChosenKeyphraseIsNotRepeated() {
        Brief brief = EngineFixture.analyze(null, "Harbour officials raised ferry fares. Harbour officials said the ferry "
                + "fares pay for dredging. The officials will meet ferry crews on Monday, and fares may rise.");
        List<String> texts = brief.keyphrases().stream().map(Brief.Keyphrase::text).toList();
        assertThat(texts).contains("harbour officials", "ferry fares").doesNotContain("officials", "fares");
    }
}

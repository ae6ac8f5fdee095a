package dev.precis.engine.keyphrase;

import dev.precis.api.Brief;
import dev.precis.engine.EngineFixture;
import org.junit.jupiter.api.Test;

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
}

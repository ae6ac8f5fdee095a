package dev.precis.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NerScorerTest {

    @Test
    void normalizationDropsEdgePunctuationPossessivesAndCase() {
        assertThat(NerScorer.normalize("Germany's,")).isEqualTo("germany");
        assertThat(NerScorer.normalize("  “New   York” ")).isEqualTo("new york");
        assertThat(NerScorer.normalize("Reuters’")).isEqualTo("reuters");
    }
}

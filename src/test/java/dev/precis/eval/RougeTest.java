package dev.precis.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RougeTest {

    private final Rouge rouge = new Rouge();

    @Test
    void identicalTextsScoreOne() {
        Rouge.Scores scores = rouge.score("The cats sat.\nThey purred.", "The cats sat.\nThey purred.");
        assertThat(scores.rouge1().f1()).isEqualTo(1.0);
        assertThat(scores.rouge2().f1()).isEqualTo(1.0);
        assertThat(scores.rougeLsum().f1()).isEqualTo(1.0);
    }

    @Test
    void countsClippedOverlapsOnStemmedTokens() {
        // reference: the cat was running (4 tokens); prediction: the cats ran (3 tokens, "cats" stems to "cat")
        Rouge.Scores scores = rouge.score("the cat was running", "the cats ran");
        assertThat(scores.rouge1().precision()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(scores.rouge1().recall()).isCloseTo(2.0 / 4, within(1e-9));
        assertThat(scores.rouge2().f1()).isCloseTo(2 * (1.0 / 2) * (1.0 / 3) / (1.0 / 2 + 1.0 / 3), within(1e-9));
        assertThat(scores.rougeL().recall()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void summaryLevelLcsCountsEachReferenceTokenOnce() {
        Rouge.Scores scores = rouge.score("police arrested the man", "police arrested\npolice arrested the man");
        assertThat(scores.rougeLsum().recall()).isEqualTo(1.0);
        assertThat(scores.rougeLsum().precision()).isCloseTo(4.0 / 6, within(1e-9));
    }

    @Test
    void emptyPredictionsScoreZero() {
        assertThat(rouge.score("something here", "").rouge1().f1()).isZero();
    }
}

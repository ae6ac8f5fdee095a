package dev.precis.engine.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    @Test
    void composesFoldsSpaceAndDropsInvisibles() {
        assertThat(TextNormalizer.normalizeParagraph("  Cafe\u0301\u00A0 opens\u200B\tnow\u0007 "))
                .isEqualTo("Café opens now");
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharacters() {
        assertThat(TextNormalizer.normalizeParagraph("a\uD800b\uDC00c 😀")).isEqualTo("a\uFFFDb\uFFFDc 😀");
    }
}

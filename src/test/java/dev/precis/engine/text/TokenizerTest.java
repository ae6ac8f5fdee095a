package dev.precis.engine.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {

    private static List<String> texts(Tokens tokens) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            texts.add(tokens.text(i));
        }
        return texts;
    }

    @Test
    void keepsInnerPunctuationAndSplitsPossessives() {
        Tokens tokens = Tokenizer.tokenize("Iran's U.S. deal: don't pay $1,000.50 (Trump-Vance).");
        assertThat(texts(tokens)).containsExactly("Iran", "'s", "U.S.", "deal", ":", "don't", "pay", "$", "1,000.50",
                "(", "Trump-Vance", ")", ".");
        assertThat(tokens.kind(8)).isEqualTo(Tokens.NUMBER);
        assertThat(tokens.isCapitalized(0)).isTrue();
        assertThat(tokens.isAllCaps(2)).isTrue();
    }

    @Test
    void handlesAnyScript() {
        assertThat(texts(Tokenizer.tokenize("Москва — столица. 東京タワー😀"))).containsExactly("Москва", "—", "столица", ".",
                "東京タワー", "😀");
    }
}

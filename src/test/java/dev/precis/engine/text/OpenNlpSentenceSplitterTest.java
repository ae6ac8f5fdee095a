package dev.precis.engine.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpenNlpSentenceSplitterTest {

    private final SentenceSplitter splitter = new OpenNlpSentenceSplitter();

    private List<String> split(String text) {
        return splitter.split(text, new TextSpan(0, text.length())).stream().map(s -> s.of(text)).toList();
    }

    @Test
    void abbreviationsInitialsAndDecimalsDoNotEndSentences() {
        assertThat(split("Mr. Smith met Dr. Jones in the U.S. capital on Jan. 5. Growth was 2.5 percent. J. K. Rowling spoke."))
                .containsExactly("Mr. Smith met Dr. Jones in the U.S. capital on Jan. 5.", "Growth was 2.5 percent.",
                        "J. K. Rowling spoke.");
    }

    @Test
    void quotedSentencesStayWhole() {
        assertThat(split("\"We will appeal,\" she said. The court did not comment."))
                .containsExactly("\"We will appeal,\" she said.", "The court did not comment.");
    }

    @Test
    void runawaySentencesAreCut() {
        String text = "word ".repeat(1_000).trim();
        List<String> sentences = split(text);
        assertThat(sentences).hasSizeGreaterThan(4);
        assertThat(sentences).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(OpenNlpSentenceSplitter.MAX_SENTENCE_CHARS));
    }
}

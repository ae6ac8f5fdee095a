package dev.precis.engine.text;

import dev.precis.api.Format;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BodyExtractorTest {

    private final BodyExtractor extractor = new BodyExtractor();

    @Test
    void htmlKeepsParagraphsAndDropsPageFurniture() {
        String html = """
                <html><head><style>p{}</style><script>var x = "hidden";</script></head><body>
                <nav>Home | World</nav><h1>Harbour reopens</h1>
                <p>The harbour reopened on Tuesday &amp; ferries ran again.</p>
                <figure><img src="a.jpg"><figcaption>Ferries at dawn</figcaption></figure>
                <aside>Most read</aside><p>Officials said <b>traffic</b> would double.</p>
                <form><input name="email">Subscribe</form></body></html>""";
        NormalizedBody body = extractor.extract(html, Format.AUTO);
        assertThat(body.format()).isEqualTo(Format.HTML);
        assertThat(body.text()).isEqualTo("Harbour reopens\n\nThe harbour reopened on Tuesday & ferries ran again."
                + "\n\nOfficials said traffic would double.");
        assertThat(body.paragraphs()).hasSize(3);
    }

    @Test
    void deeplyNestedHtmlDoesNotOverflowTheStack() {
        String html = "<div>".repeat(20_000) + "Deep words here." + "</div>".repeat(20_000);
        assertThat(extractor.extract(html, Format.HTML).text()).isEqualTo("Deep words here.");
    }

    @Test
    void markdownIsRenderedToText() {
        String markdown = "# Budget passes\n\nThe **council** approved the [budget](https://example.org) on Monday.\n\n"
                + "```\ncode();\n```\n\n- Taxes stay flat\n- Parks get more";
        NormalizedBody body = extractor.extract(markdown, Format.AUTO);
        assertThat(body.format()).isEqualTo(Format.MARKDOWN);
        assertThat(body.text()).isEqualTo("Budget passes\n\nThe council approved the budget on Monday.\n\n"
                + "Taxes stay flat\n\nParks get more");
    }

    @Test
    void plainTextWithoutBlankLinesTreatsLinesAsParagraphs() {
        NormalizedBody body = extractor.extract("First line here.\r\nSecond line here.", Format.TEXT);
        assertThat(body.paragraphs()).hasSize(2);
        assertThat(extractor.extract("One para\nwrapped.\n\nTwo.", Format.TEXT).text()).isEqualTo("One para wrapped.\n\nTwo.");
    }

    @Test
    void boilerplateParagraphsAreDropped() {
        String text = String.join("\n\n", "The river flooded the lower town overnight.",
                "Get the Ynetnews app on your smartphone:", "Photo: Jane Roe/Reuters", "By Jane Roe",
                "Sign up for our morning newsletter", "Read more: how floods are measured", "Share: Facebook X",
                "Residents said the water rose quickly.");
        NormalizedBody body = extractor.extract(text, Format.TEXT);
        assertThat(body.text()).isEqualTo("The river flooded the lower town overnight.\n\nResidents said the water rose quickly.");
        assertThat(body.boilerplateDropped()).isEqualTo(6);
    }

    @Test
    void aStoryThatMentionsAnAppKeepsItsText() {
        String paragraph = "The city will get a new parking app next year, officials said, after a pilot in which "
                + "thousands of drivers tried the service and most of them said they would keep using it daily.";
        assertThat(extractor.extract(paragraph, Format.TEXT).text()).isEqualTo(paragraph);
    }

    @Test
    void longParagraphsInScriptsWithoutSpacesAreNotTakenForCredits() {
        String paragraph = "東京の港で新しい橋が開通し、市民が集まった。".repeat(20) + "Reuters/";
        assertThat(extractor.extract(paragraph, Format.TEXT).text()).isEqualTo(paragraph);
    }

    @Test
    void inlineHtmlInMarkdownSeparatesWords() {
        assertThat(extractor.extract("# Title\n\none<br>two **bold**", Format.MARKDOWN).text()).isEqualTo("Title\n\none two bold");
    }

    @Test
    void markupOnlyBodiesAreEmpty() {
        assertThat(extractor.extract("<p></p><script>x()</script>", Format.AUTO).isEmpty()).isTrue();
        assertThat(extractor.extract(" \u200B\n\t ", Format.TEXT).isEmpty()).isTrue();
    }
}

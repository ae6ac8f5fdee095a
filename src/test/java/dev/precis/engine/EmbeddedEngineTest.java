package dev.precis.engine;

import dev.precis.api.ArticleOptions;
import dev.precis.api.ArticleRequest;
import dev.precis.api.Brief;
import dev.precis.api.Format;
import dev.precis.api.Json;
import dev.precis.SchemaAssert;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedEngineTest {

    /** An article written for these tests. */
    static final String ARTICLE = """
            The regional council of Valdoria approved a plan on Tuesday to rebuild the Lanzo dam, which failed during the spring floods.

            Council president Marta Ferrante said the dam would cost 40 million euros and take three years to rebuild. Ferrante said engineers had found cracks in the old wall in 2019.

            "We cannot leave the valley without protection for another winter," Ferrante told reporters in Turin.

            Farmers in the valley lost crops when the dam failed. The farmers' union welcomed the plan but asked for faster compensation payments.

            The European Commission is expected to pay part of the cost, officials said.""";

    @Test
    void producesAValidBriefWhoseOffsetsPointIntoTheText() {
        Brief brief = EngineFixture.analyze("Valdoria will rebuild the Lanzo dam", ARTICLE);
        SchemaAssert.assertValidBrief(brief);
        assertThat(brief.summary().sentences()).hasSize(3).allSatisfy(s ->
                assertThat(brief.text().substring(s.start(), s.end())).isEqualTo(s.text()));
        assertThat(brief.summary().sentences()).isSortedAccordingTo((a, b) -> Integer.compare(a.start(), b.start()));
        assertThat(brief.headline()).isNotBlank().hasSizeLessThanOrEqualTo(200);
        assertThat(brief.keyPoints()).hasSize(3);
        assertThat(brief.tags()).extracting(Brief.Tag::label).contains("Marta Ferrante", "European Commission", "Turin");
        assertThat(brief.stats().paragraphs()).isEqualTo(5);
        assertThat(brief.contentHash()).startsWith("sha256:");
    }

    @Test
    void theSameRequestGivesTheSameBrief() {
        String first = withoutTiming(EngineFixture.analyze("T", ARTICLE));
        String second = withoutTiming(EngineFixture.analyze("T", ARTICLE));
        assertThat(second).isEqualTo(first);
    }

    private static String withoutTiming(Brief brief) {
        return Json.write(brief).replaceAll("\"elapsedMs\":[0-9.E-]+", "");
    }

    @Test
    void optionsShapeTheBrief() {
        Brief brief = EngineFixture.ENGINE.analyze(new ArticleRequest("x", null, ARTICLE, Format.TEXT, null, "de", null,
                new ArticleOptions(1, 0, 2, "embedded", false)));
        assertThat(brief.summary().sentences()).hasSize(1);
        assertThat(brief.keyPoints()).isEmpty();
        assertThat(brief.tags()).hasSize(2);
        assertThat(brief.text()).isNull();
        assertThat(brief.warnings()).anyMatch(w -> w.contains("\"de\""));
    }

    @Test
    void otherLanguagesGetAStatisticalBriefWithAWarning() {
        String french = "Le conseil municipal a approuvé mardi le plan de reconstruction du barrage. Le barrage a cédé "
                + "pendant les inondations du printemps. Les agriculteurs de la vallée ont perdu leurs récoltes. "
                + "Le conseil estime que les travaux du barrage dureront trois ans.";
        Brief brief = EngineFixture.analyze(null, french);
        SchemaAssert.assertValidBrief(brief);
        assertThat(brief.language()).isEqualTo("fr");
        assertThat(brief.entities()).isEmpty();
        assertThat(brief.warnings()).anyMatch(w -> w.contains("\"fr\""));
        assertThat(brief.keyphrases()).extracting(Brief.Keyphrase::text).contains("barrage")
                .noneMatch(k -> k.startsWith("le ") || k.startsWith("les "));
    }

    @Test
    void stagesCanBeSwitchedOffAndTheSummaryFallsBackToTheLead() {
        EmbeddedEngine bare = new EmbeddedEngine(Set.copyOf(EmbeddedEngine.STAGE_NAMES), "test");
        Brief brief = bare.analyze(ArticleRequest.ofBody(ARTICLE, Format.TEXT));
        SchemaAssert.assertValidBrief(brief);
        assertThat(brief.entities()).isEmpty();
        assertThat(brief.tags()).isEmpty();
        assertThat(brief.summary().sentences().get(0).start()).isZero();
    }

    @Test
    void bodiesWithoutWordsAreRefused() {
        assertThatThrownBy(() -> EngineFixture.analyze(null, "<p> </p>")).isInstanceOf(EmptyArticleException.class);
        assertThatThrownBy(() -> EngineFixture.analyze(null, "... !!! ---")).isInstanceOf(EmptyArticleException.class);
    }

    @Test
    void hostileBodiesGiveValidBriefs() {
        Random random = new Random(7);
        StringBuilder junk = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            junk.append((char) random.nextInt(0xFFFF));
        }
        String[] bodies = {
                "word ".repeat(40_000),
                junk.toString(),
                "Москва принимает саммит. 東京で会議が開かれた。 القاهرة تستضيف القمة. ירושלים. Ελλάδα. 😀 ok",
                "<p>" + "<b>".repeat(5_000) + "Nested text" + "</b>".repeat(5_000) + "</p>",
                ">".repeat(10_000) + " quoted words",
                "\"".repeat(3_000) + "a",
                "a.".repeat(100_000),
        };
        for (String body : bodies) {
            SchemaAssert.assertValidBrief(EngineFixture.analyze(null, body));
        }
    }
}

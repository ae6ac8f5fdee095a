package dev.precis.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.SchemaAssert;
import dev.precis.SharedData;
import dev.precis.api.ArticleRequestReader;
import dev.precis.api.Brief;
import dev.precis.api.Json;
import dev.precis.api.RequestLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The real news article in ../shared/examples, analysed with default options. */
class SeedArticleTest {

    private static JsonNode request;
    private static Brief brief;

    @BeforeAll
    static void analyze() throws IOException {
        request = Json.parse(Files.readString(SharedData.require("examples/seed-article.json")));
        brief = EngineFixture.ENGINE.analyze(new ArticleRequestReader(RequestLimits.defaults()).read(request));
    }

    @Test
    void briefIsValidAndTagsTheMainActors() {
        SchemaAssert.assertValidBrief(brief);
        assertThat(brief.tags()).extracting(Brief.Tag::label).contains("Elon Musk", "Iran")
                .containsAnyOf("Trump", "Donald Trump");
    }

    @Test
    void muskIsAPersonWithHisSurnameAsAlias() {
        Brief.Entity musk = brief.entities().stream().filter(e -> e.name().equals("Elon Musk")).findFirst().orElseThrow();
        assertThat(musk.type()).isEqualTo("PERSON");
        assertThat(musk.aliases()).contains("Musk");
    }

    @Test
    void theAppPromotionIsNotSummarized() {
        assertThat(brief.summary().sentences()).noneMatch(s -> s.text().contains("Ynetnews app"));
    }

    @Test
    void wordCountMatchesAPlainWhitespaceCount() {
        int plain = request.get("body").asText().trim().split("\\s+").length;
        assertThat((double) brief.stats().words()).isCloseTo(plain, org.assertj.core.data.Percentage.withPercentage(2));
    }
}

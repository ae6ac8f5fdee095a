package dev.precis.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.SchemaAssert;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ArticleRequestReaderTest {

    private final ArticleRequestReader reader = new ArticleRequestReader(new RequestLimits(50, 80, 10, 5));

    private Problem problemFor(String json) {
        return catchThrowableOfType(ProblemException.class, () -> reader.read(Json.parse(json))).problem();
    }

    @Test
    void readsAFullRequestAndAppliesDefaults() {
        ArticleRequest request = reader.read(Json.parse("""
                {"id":"a1","title":"T","body":"Some words.","format":"html","url":"https://example.org/a",
                 "language":"pt-BR","publishedAt":"2026-11-27T10:00:00Z","options":{"maxTags":4,"includeText":true}}"""));
        assertThat(request.format()).isEqualTo(Format.HTML);
        assertThat(request.options().maxTags()).isEqualTo(4);
        assertThat(request.options().summarySentences()).isEqualTo(ArticleOptions.DEFAULT_SUMMARY_SENTENCES);
        assertThat(request.options().includeText()).isTrue();
    }

    @Test
    void internationalizedHostsAreValidUrls() {
        assertThat(reader.read(Json.parse("{\"body\":\"x\",\"url\":\"https://bücher.example/a_b\"}")).url())
                .isEqualTo("https://bücher.example/a_b");
    }

    @Test
    void nullMeansAbsent() {
        ArticleRequest request = reader.read(Json.parse("{\"body\":\"x\",\"title\":null,\"options\":null,\"format\":null}"));
        assertThat(request.title()).isNull();
        assertThat(request.format()).isEqualTo(Format.AUTO);
        assertThat(request.options()).isEqualTo(ArticleOptions.defaults());
    }

    @Test
    void missingBodyIs400() {
        Problem problem = problemFor("{\"title\":\"x\"}");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("/body");
    }

    @Test
    void wrongTypesAre400WithoutCoercion() {
        Problem problem = problemFor("{\"body\":12,\"options\":{\"maxTags\":\"3\",\"summarySentences\":2.0}}");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(FieldError::field)
                .containsExactly("/body", "/options/summarySentences", "/options/maxTags");
    }

    @Test
    void unknownFieldsNameTheAcceptedOnes() {
        Problem problem = problemFor("{\"body\":\"x\",\"bodyy\":1,\"options\":{\"tags\":3}}");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("/bodyy", "/options/tags");
        assertThat(problem.errors().get(0).message()).contains("id, title, body, format");
        assertThat(problem.errors().get(1).message()).contains("summarySentences, keyPoints, maxTags");
    }

    @Test
    void limitsCountCodePointsAndTooLongBodyIs413() {
        String emoji = "😀".repeat(50);
        assertThat(reader.read(Json.parse("{\"body\":\"" + emoji + "\"}")).body()).isEqualTo(emoji);
        Problem problem = problemFor("{\"body\":\"" + emoji + "x\",\"format\":\"text\"}");
        assertThat(problem.status()).isEqualTo(413);
        // Until its format is known a body may be as long as an HTML page; past that it is too large either way.
        assertThat(reader.read(Json.parse("{\"body\":\"" + emoji + "x\"}")).body()).hasSize(101);
        assertThat(problemFor("{\"body\":\"" + "x".repeat(81) + "\"}").status()).isEqualTo(413);
        assertThat(problemFor("{\"body\":\"x\",\"title\":\"12345678901\"}").status()).isEqualTo(400);
        assertThat(problemFor("{\"body\":\"x\",\"id\":\"123456\"}").status()).isEqualTo(400);
    }

    @Test
    void unsupportedFormatIs415() {
        Problem problem = problemFor("{\"body\":\"x\",\"format\":\"pdf\"}");
        assertThat(problem.status()).isEqualTo(415);
        assertThat(problem.errors().get(0).message()).contains("text, html, markdown, auto");
    }

    @Test
    void optionRangesAreEnforced() {
        Problem problem = problemFor("{\"body\":\"x\",\"options\":{\"summarySentences\":0,\"keyPoints\":11,\"maxTags\":51}}");
        assertThat(problem.errors()).hasSize(3);
        assertThat(problemFor("{\"body\":\"x\",\"options\":{\"maxTags\":99999999999}}").status()).isEqualTo(400);
    }

    @Test
    void badUrlLanguageAndDateAre400() {
        Problem problem = problemFor("{\"body\":\"x\",\"url\":\"javascript:alert(1)\",\"language\":\"english!\",\"publishedAt\":\"yesterday\"}");
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("/url", "/language", "/publishedAt");
    }

    @Test
    void aUrlMayStandInForTheBody() {
        assertThat(reader.read(Json.parse("{\"url\":\"https://news.example.org/a\"}")).body()).isNull();
        Problem neither = problemFor("{\"title\":\"Solo\"}");
        assertThat(neither.errors()).extracting(FieldError::field).containsExactly("/body");
        assertThat(neither.errors().get(0).message()).contains("unless \"url\" is given");
    }

    @Test
    void aNonObjectIs400() {
        assertThat(problemFor("[1,2]").status()).isEqualTo(400);
        assertThat(problemFor("\"body\"").status()).isEqualTo(400);
    }

    @Test
    void thePublishedRequestSchemaAgreesOnValidAndInvalidRequests() {
        JsonNode valid = Json.parse("{\"body\":\"x\",\"format\":\"markdown\",\"options\":{\"keyPoints\":0}}");
        JsonNode invalid = Json.parse("{\"body\":\"x\",\"colour\":\"red\"}");
        assertThat(SchemaAssert.requestViolations(valid)).isEmpty();
        assertThat(SchemaAssert.requestViolations(invalid)).isNotEmpty();
    }
}

package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.SchemaAssert;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.precis.function.LambdaClient.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/** Direct invocations through the real Funqy handler: briefs, and every problem class as the result. */
@QuarkusTest
class DirectInvocationTest {

    @Test
    void anArticleRequestGetsAValidBrief() {
        JsonNode brief = invoke("""
                {"id":"t-1","title":"Dam to be rebuilt","body":"The council of Valdoria approved a plan to rebuild the Lanzo dam. Council president Marta Ferrante said work starts in May.","options":{"maxTags":5}}""");
        SchemaAssert.assertValidBrief(brief);
        assertThat(brief.get("id").asText()).isEqualTo("t-1");
        assertThat(brief.get("tags").size()).isLessThanOrEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON            | {                                              | 400 | malformed-json
            duplicate key             | {"body":"a b","body":"c d"}                     | 400 | malformed-json
            wrong JSON type           | {"body":["not","text"]}                         | 400 | invalid-request
            unknown field             | {"body":"words here","colour":"red"}            | 400 | invalid-request
            missing body              | {"title":"No body"}                             | 400 | invalid-request
            not an object             | [1,2,3]                                         | 400 | unsupported-event
            nothing to analyze        | {"body":"<p></p>"}                              | 422 | nothing-to-analyze
            unsupported format        | {"body":"words here","format":"docx"}           | 415 | unsupported-media-type
            """)
    void badRequestsGetProblemsNotErrors(String name, String event, int status, String type) {
        JsonNode problem = invoke(event);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isEqualTo("urn:precis:problem:" + type);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aLoopbackUrlIsRefusedWhenNoAllowListNamesIt() {
        JsonNode problem = invoke("{\"url\":\"http://127.0.0.1:8089/a.html\"}");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("type").asText()).isEqualTo("urn:precis:problem:forbidden-address");
        assertThat(problem.get("detail").asText()).contains("loopback");
    }

    @Test
    void anOversizedBodyIs413() {
        JsonNode text = invoke("{\"body\":\"" + "a".repeat(300_000) + "\"}");
        assertThat(text.get("status").asInt()).isEqualTo(413);
        assertThat(text.get("errors").get(0).get("field").asText()).isEqualTo("/body");
        JsonNode html = invoke("{\"body\":\"" + "a".repeat(300_000) + "\",\"format\":\"html\"}");
        assertThat(html.get("status").asInt()).isEqualTo(413);
        assertThat(html.get("detail").asText()).contains("limit");
        assertThat(html.get("errors").get(0).get("field").asText()).isEqualTo("/body");
    }

    @Test
    void anUnknownFieldNamesTheAcceptedOnes() {
        JsonNode problem = invoke("{\"body\":\"words here\",\"options\":{\"colour\":1}}");
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("/options/colour");
        assertThat(error.get("message").asText()).contains("summarySentences", "maxTags", "includeText");
    }
}

package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.precis.api.Json;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.precis.function.LambdaClient.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM engine through the real Funqy handler, configured as {@code PRECIS_LLM_PROVIDER=openai} and
 * {@code PRECIS_LLM_BASE_URL} pointing at a local stand-in would configure it.
 */
@QuarkusTest
@QuarkusTestResource(value = LlmLambdaTest.StandIn.class, restrictToAnnotatedClass = true)
class LlmLambdaTest {

    static WireMockServer standIn;

    public static final class StandIn implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            standIn = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            standIn.start();
            return Map.of("precis.llm.provider", "openai", "precis.llm.base-url", "http://127.0.0.1:" + standIn.port() + "/v1",
                    "precis.llm.model", "local-model", "precis.llm.timeout", "2s");
        }

        @Override
        public void stop() {
            standIn.stop();
        }
    }

    private static final String ARTICLE = "The museum in Lindhaven will reopen on Saturday after two years of repairs, "
            + "its director Maren Holt said on Thursday. The roof and the east wing were rebuilt. "
            + "\"Visitors will find the old rooms brighter than ever,\" Holt said.";

    @BeforeEach
    void reset() {
        standIn.resetAll();
    }

    private static String answer() {
        var output = Json.MAPPER.createObjectNode();
        output.put("headline", "Lindhaven museum reopens on Saturday");
        output.putArray("summary").add("Lindhaven's museum reopens on Saturday after two years of repairs.")
                .add("Its roof and east wing were rebuilt.").add("Director Maren Holt announced the date.");
        output.putArray("keyPoints").add("Reopens Saturday").add("Two years of repairs").add("Roof rebuilt");
        output.put("excerpt", "Lindhaven's museum reopens after two years of repairs.");
        output.putArray("tags").addObject().put("label", "Maren Holt").put("kind", "person");
        output.putArray("topics").add("medtop:01000000");
        var body = Json.MAPPER.createObjectNode().put("model", "local-model");
        body.putArray("choices").addObject().put("finish_reason", "stop").putObject("message").put("role", "assistant")
                .put("content", Json.write(output));
        body.putObject("usage").put("prompt_tokens", 400).put("completion_tokens", 90);
        return Json.write(body);
    }

    @Test
    void theLlmEngineWritesTheSummaryAndReportsItsUsage() {
        standIn.stubFor(post("/v1/chat/completions").willReturn(okJson(answer())));
        JsonNode brief = invoke("{\"body\":" + Json.write(Json.MAPPER.getNodeFactory().textNode(ARTICLE))
                + ",\"options\":{\"engine\":\"llm\"}}");
        assertThat(brief.at("/summary/sentences/0/text").asText()).isEqualTo("Lindhaven's museum reopens on Saturday after two years of repairs.");
        assertThat(brief.at("/summary/abstractive").asBoolean()).isTrue();
        assertThat(brief.at("/engine/usage/inputTokens").asInt()).isEqualTo(400);
        assertThat(brief.at("/engine/usage/model").asText()).isEqualTo("local-model");
        assertThat(brief.get("entities").findValuesAsText("name")).contains("Maren Holt", "Lindhaven");
        assertThat(brief.at("/quotes/0/text").asText()).isEqualTo("Visitors will find the old rooms brighter than ever");
        assertThat(brief.at("/quotes/0/speaker").asText()).isEqualTo("Maren Holt");
    }

    @Test
    void withTheStandInDownAutoAnswersEmbeddedAndLlmAnswers502() {
        standIn.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(500)));
        String article = Json.write(Json.MAPPER.getNodeFactory().textNode(ARTICLE));
        JsonNode auto = invoke("{\"body\":" + article + ",\"options\":{\"engine\":\"auto\"}}");
        assertThat(auto.at("/engine/name").asText()).isEqualTo("embedded");
        assertThat(auto.get("warnings").toString()).contains("Engine \\\"auto\\\" used \\\"embedded\\\"");
        JsonNode problem = invoke("{\"body\":" + article + ",\"options\":{\"engine\":\"llm\"}}");
        assertThat(problem.get("status").asInt()).isEqualTo(502);
        assertThat(problem.get("type").asText()).isEqualTo("urn:precis:problem:llm-failed");
    }
}

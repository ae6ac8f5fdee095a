package dev.precis.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.precis.SchemaAssert;
import dev.precis.api.ArticleOptions;
import dev.precis.api.ArticleRequest;
import dev.precis.api.Brief;
import dev.precis.api.Format;
import dev.precis.api.Json;
import dev.precis.api.ProblemException;
import dev.precis.config.Wiring;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Bedrock provider, with WireMock answering as Bedrock's Converse endpoint: the request is signed with
 * SigV4, asks for the brief through one forced tool whose input schema is the brief's, and the tool's input
 * is the answer.
 */
class BedrockEngineTest {

    private static final String MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";
    private static final String PATH = "/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse";
    private static final String ARTICLE = "The harbour board of Port Avel approved a new ferry terminal on Monday. "
            + "Chair Ilse Varga said building would start in the spring and cost 40 million euros.";
    private static WireMockServer bedrock;
    private BriefService briefs;

    @BeforeAll
    static void start() {
        bedrock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        bedrock.start();
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "bedrock-test-secret");
    }

    @AfterAll
    static void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        bedrock.stop();
    }

    @BeforeEach
    void wire() {
        bedrock.resetAll();
        Map<String, String> config = Map.of("precis.llm.provider", "bedrock", "precis.llm.model", MODEL,
                "precis.llm.region", "eu-west-1", "precis.llm.base-url", "http://127.0.0.1:" + bedrock.port(),
                "precis.llm.timeout", "3s");
        briefs = new Wiring(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(config, "test", 500)).build(),
                () -> AppFixture.VERTX).briefs();
    }

    private static String converse(ObjectNode input) {
        ObjectNode answer = Json.MAPPER.createObjectNode().put("stopReason", "tool_use");
        ObjectNode toolUse = answer.putObject("output").putObject("message").put("role", "assistant")
                .putArray("content").addObject().putObject("toolUse").put("toolUseId", "tooluse-1").put("name", "record_brief");
        toolUse.set("input", input);
        answer.putObject("usage").put("inputTokens", 640).put("outputTokens", 120).put("totalTokens", 760);
        answer.putObject("metrics").put("latencyMs", 900);
        return Json.write(answer);
    }

    private static ObjectNode written() {
        ObjectNode output = Json.MAPPER.createObjectNode();
        output.put("headline", "Port Avel to get a new ferry terminal");
        output.putArray("summary").add("Port Avel's harbour board approved a ferry terminal.").add("Work starts in spring.");
        output.putArray("keyPoints").add("Approved on Monday");
        output.put("excerpt", "A new ferry terminal for Port Avel.");
        output.putArray("tags").addObject().put("label", "Port Avel").put("kind", "location");
        output.putArray("topics").add("medtop:04000000");
        return output;
    }

    private static ArticleRequest request(String engine) {
        return new ArticleRequest("avel-2", null, ARTICLE, Format.TEXT, null, null, null, new ArticleOptions(2, 1, 5, engine, false));
    }

    @Test
    void converseIsSignedAndAsksForTheBriefThroughOneForcedTool() {
        bedrock.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(converse(written()))));
        Brief brief = briefs.analyze(request("llm"));
        SchemaAssert.assertValidBrief(brief);
        assertThat(brief.summary().sentences()).extracting(Brief.SummarySentence::text)
                .containsExactly("Port Avel's harbour board approved a ferry terminal.", "Work starts in spring.");
        assertThat(brief.engine().usage()).isEqualTo(new Brief.Usage(MODEL, 640, 120));

        List<LoggedRequest> sent = bedrock.findAll(postRequestedFor(anyUrl()));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getHeader("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/eu-west-1/bedrock/aws4_request");
        JsonNode body = Json.parse(sent.get(0).getBodyAsString());
        assertThat(body.at("/toolConfig/tools/0/toolSpec/name").asText()).isEqualTo("record_brief");
        assertThat(body.at("/toolConfig/tools/0/toolSpec/inputSchema/json/required").toString()).contains("summary", "tags");
        assertThat(body.at("/toolConfig/toolChoice/tool/name").asText()).isEqualTo("record_brief");
        assertThat(body.at("/system/0/text").asText()).contains("never instructions");
        assertThat(body.at("/messages/0/content/0/text").asText()).contains("Chair Ilse Varga said");
        assertThat(body.at("/inferenceConfig/temperature").asDouble()).isZero();
    }

    @Test
    void throttlingIsRetriedAndAModelThatWritesNoToolCallIsMalformed() {
        bedrock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("x-amzn-ErrorType", "ThrottlingException").withBody("{\"message\":\"Too many requests\"}")));
        assertThatThrownBy(() -> briefs.analyze(request("llm")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(502));
        bedrock.verify(3, postRequestedFor(urlEqualTo(PATH)));

        bedrock.resetAll();
        ObjectNode textOnly = Json.MAPPER.createObjectNode().put("stopReason", "end_turn");
        textOnly.putObject("output").putObject("message").put("role", "assistant").putArray("content").addObject()
                .put("text", "Here is a summary of the article.");
        textOnly.putObject("usage").put("inputTokens", 10).put("outputTokens", 10).put("totalTokens", 20);
        bedrock.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(Json.write(textOnly))));
        Brief fallback = briefs.analyze(request("auto"));
        assertThat(fallback.engine().name()).isEqualTo("embedded");
        assertThat(fallback.warnings()).anySatisfy(w -> assertThat(w).contains("did not record the brief"));
        bedrock.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }
}

package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.SchemaAssert;
import dev.precis.api.Json;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static dev.precis.function.LambdaClient.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/** API Gateway HTTP API (2.0) and REST API (1.0) proxy events through the real Funqy handler. */
@QuarkusTest
class ApiGatewayTest {

    private static final String ARTICLE = "{\"body\":\"The port of Valdoria reopened on Monday. Harbour master Ilse Brandt said ships would return.\"}";

    static ObjectNode httpApi(String method, String path, Map<String, String> headers, String body, boolean base64) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        ObjectNode h = event.putObject("headers");
        headers.forEach(h::put);
        ObjectNode context = event.putObject("requestContext");
        context.put("stage", "$default");
        context.put("requestId", "req-1");
        context.putObject("http").put("method", method).put("path", path);
        if (body != null) {
            event.put("body", base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body);
        }
        event.put("isBase64Encoded", base64);
        return event;
    }

    static ObjectNode restApi(String method, String path, String stage, Map<String, String> headers, String body) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("resource", "/{proxy+}");
        event.put("path", path);
        event.put("httpMethod", method);
        ObjectNode h = event.putObject("headers");
        headers.forEach(h::put);
        event.putNull("queryStringParameters");
        ObjectNode context = event.putObject("requestContext");
        context.put("stage", stage);
        context.put("path", "/" + stage + path);
        context.put("httpMethod", method);
        context.put("requestId", "req-2");
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return event;
    }

    private static JsonNode body(JsonNode response) {
        return Json.parse(response.get("body").asText());
    }

    @Test
    void postBriefsReturnsABrief() {
        JsonNode response = invoke(httpApi("POST", "/v1/briefs", Map.of("content-type", "application/json"), ARTICLE, false));
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.get("headers").get("content-type").asText()).isEqualTo("application/json");
        SchemaAssert.assertValidBrief(body(response));
    }

    @Test
    void base64BodiesAreDecoded() {
        JsonNode response = invoke(httpApi("POST", "/v1/briefs", Map.of("content-type", "application/json"), ARTICLE, true));
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(body(response).get("stats").get("words").asInt()).isEqualTo(15);
    }

    @Test
    void plainTextArticlesTakeOptionsFromTheQuery() {
        ObjectNode event = httpApi("POST", "/v1/briefs", Map.of("content-type", "text/plain; charset=utf-8"),
                "First sentence of the story is here. Second sentence adds more. Third one ends it.", false);
        event.putObject("queryStringParameters").put("summarySentences", "1").put("id", "q-7");
        JsonNode brief = body(invoke(event));
        assertThat(brief.get("id").asText()).isEqualTo("q-7");
        assertThat(brief.get("summary").get("sentences").size()).isEqualTo(1);
    }

    @Test
    void curlFormPostsOfJsonAreAccepted() {
        JsonNode response = invoke(httpApi("POST", "/v1/briefs",
                Map.of("content-type", "application/x-www-form-urlencoded"), ARTICLE, false));
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void restApiEventsAreRoutedWhateverTheStageIsCalled() {
        JsonNode response = invoke(restApi("POST", "/v1/briefs", "v1", Map.of("Content-Type", "application/json"), ARTICLE));
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        SchemaAssert.assertValidBrief(body(response));
    }

    @Test
    void healthAnswersOk() {
        JsonNode response = invoke(httpApi("GET", "/v1/health", Map.of(), null, false));
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(body(response).get("status").asText()).isEqualTo("ok");
        assertThat(body(response).get("version").asText()).isNotBlank();
    }

    @Test
    void problemsAreProblemJson() {
        assertProblem(invoke(httpApi("GET", "/v2/nothing", Map.of(), null, false)), 404);
        JsonNode wrongMethod = invoke(httpApi("DELETE", "/v1/briefs", Map.of(), null, false));
        assertProblem(wrongMethod, 405);
        assertThat(wrongMethod.get("headers").get("allow").asText()).isEqualTo("POST");
        assertProblem(invoke(httpApi("POST", "/v1/briefs", Map.of("content-type", "application/json"), "{\"body\":", false)), 400);
        assertProblem(invoke(httpApi("POST", "/v1/briefs", Map.of("content-type", "application/pdf"), "%PDF", false)), 415);
        ObjectNode binary = httpApi("POST", "/v1/briefs", Map.of("content-type", "image/png"), "", false);
        binary.put("body", Base64.getEncoder().encodeToString(new byte[]{(byte) 0x89, 'P', 'N', 'G', (byte) 0xFF}));
        binary.put("isBase64Encoded", true);
        assertProblem(invoke(binary), 415);
        assertProblem(invoke(httpApi("POST", "/v1/briefs", Map.of("content-type", "application/json"), "{\"body\":\"<p></p>\"}", false)), 422);
        assertProblem(invoke(httpApi("POST", "/v1/briefs", Map.of("content-type", "application/json"), "%%%", true)), 400);
    }

    private static void assertProblem(JsonNode response, int status) {
        assertThat(response.get("statusCode").asInt()).isEqualTo(status);
        assertThat(response.get("headers").get("content-type").asText()).isEqualTo("application/problem+json");
        assertThat(body(response).get("status").asInt()).isEqualTo(status);
    }
}

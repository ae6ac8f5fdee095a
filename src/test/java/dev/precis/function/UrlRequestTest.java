package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.precis.SchemaAssert;
import dev.precis.api.Json;
import dev.precis.app.BriefServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.precis.function.LambdaClient.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests by URL through the real Funqy handler, on a deployment that allows a loopback origin
 * ({@code precis.fetch.allow-hosts=127.0.0.1}, as {@code PRECIS_FETCH_ALLOW_HOSTS} would set it).
 */
@QuarkusTest
@TestProfile(UrlRequestTest.LoopbackOrigin.class)
class UrlRequestTest {

    public static final class LoopbackOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("precis.fetch.allow-hosts", "127.0.0.1");
        }
    }

    private static WireMockServer origin;

    @BeforeAll
    static void start() {
        origin = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        origin.start();
        origin.stubFor(get("/a.html").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(BriefServiceTest.PAGE)));
        origin.stubFor(get("/missing").willReturn(aResponse().withStatus(404)));
        origin.stubFor(get("/data.csv").willReturn(aResponse().withHeader("Content-Type", "text/csv").withBody("a,b")));
    }

    @AfterAll
    static void stop() {
        origin.stop();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + origin.port() + path;
    }

    @Test
    void aUrlAloneGetsABriefWhoseTitleAndDateComeFromThePage() {
        JsonNode brief = invoke("{\"url\":\"" + url("/a.html") + "\"}");
        SchemaAssert.assertValidBrief(brief);
        assertThat(brief.get("title").asText()).isEqualTo("Night buses return to the valley");
        assertThat(brief.get("source").get("publishedAt").asText()).isEqualTo("2026-10-04T06:15:00Z");
        assertThat(brief.get("url").asText()).isEqualTo(url("/a.html"));
    }

    @Test
    void overHttpTheOriginsFailuresAreProblems() {
        JsonNode missing = invoke(ApiGatewayTest.httpApi("POST", "/v1/briefs", Map.of("content-type", "application/json"),
                "{\"url\":\"" + url("/missing") + "\"}", false));
        assertThat(missing.get("statusCode").asInt()).isEqualTo(502);
        JsonNode problem = Json.parse(missing.get("body").asText());
        assertThat(problem.get("type").asText()).isEqualTo("urn:precis:problem:fetch-failed");
        assertThat(problem.get("detail").asText()).contains("404");
        JsonNode csv = invoke("{\"url\":\"" + url("/data.csv") + "\"}");
        assertThat(csv.get("status").asInt()).isEqualTo(415);
    }

    @Test
    void otherPrivateAddressesStayRefused() {
        JsonNode problem = invoke("{\"url\":\"http://169.254.169.254/latest/meta-data/\"}");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("type").asText()).isEqualTo("urn:precis:problem:forbidden-address");
    }
}

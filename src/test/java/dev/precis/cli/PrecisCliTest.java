package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.precis.SchemaAssert;
import dev.precis.api.Json;
import dev.precis.app.BriefServiceTest;
import dev.precis.config.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

class PrecisCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return PrecisCli.run(args, CommandLine::context, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void anArticleFileIsWrappedAsARequest() throws IOException {
        Path article = dir.resolve("story.md");
        Files.writeString(article, "# Flood\n\nThe river rose two metres overnight in **Valdoria**. Residents left their homes.");
        assertThat(run("analyze", article.toString())).isZero();
        JsonNode brief = Json.parse(out.toString(StandardCharsets.UTF_8));
        SchemaAssert.assertValidBrief(brief);
        assertThat(brief.get("id").asText()).isEqualTo("story.md");
        assertThat(err.size()).isZero();
    }

    @Test
    void malformedJsonExitsTwoWithOneProblemOnStderr() throws IOException {
        Path request = dir.resolve("bad.json");
        Files.writeString(request, "{");
        assertThat(run("analyze", request.toString())).isEqualTo(2);
        assertThat(out.size()).isZero();
        assertThat(Json.parse(err.toString(StandardCharsets.UTF_8)).get("status").asInt()).isEqualTo(400);
    }

    @Test
    void nothingToAnalyzeExitsTwo() throws IOException {
        Path request = dir.resolve("empty.json");
        Files.writeString(request, "{\"body\":\"<p></p>\"}");
        assertThat(run("analyze", request.toString())).isEqualTo(2);
        assertThat(Json.parse(err.toString(StandardCharsets.UTF_8)).get("status").asInt()).isEqualTo(422);
    }

    @Test
    void aMissingFileOrBadUsageIsReported() {
        assertThat(run("analyze", dir.resolve("nope.json").toString())).isEqualTo(2);
        assertThat(run("summarize")).isEqualTo(64);
    }

    @Test
    void aUrlIsFetchedWhenTheConfigurationAllowsItsHost() {
        WireMockServer origin = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        origin.start();
        System.setProperty("precis.fetch.allow-hosts", "127.0.0.1");
        try {
            origin.stubFor(get("/a.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
                    .withBody(BriefServiceTest.PAGE)));
            assertThat(run("analyze", "http://127.0.0.1:" + origin.port() + "/a.html")).isZero();
            JsonNode brief = Json.parse(out.toString(StandardCharsets.UTF_8));
            assertThat(brief.get("title").asText()).isEqualTo("Night buses return to the valley");
            assertThat(brief.get("source").get("publishedAt").asText()).isEqualTo("2026-10-04T06:15:00Z");
        } finally {
            System.clearProperty("precis.fetch.allow-hosts");
            origin.stop();
        }
    }

    @Test
    void theInstanceMetadataAddressIsRefused() {
        assertThat(run("analyze", "http://169.254.169.254/latest/meta-data/")).isEqualTo(2);
        JsonNode problem = Json.parse(err.toString(StandardCharsets.UTF_8));
        assertThat(problem.get("type").asText()).isEqualTo("urn:precis:problem:forbidden-address");
    }
}

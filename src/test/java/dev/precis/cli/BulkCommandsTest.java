package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.precis.api.Json;
import dev.precis.app.BriefServiceTest;
import dev.precis.config.CommandLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code precis batch} and {@code precis sweep} as a user runs them, against pages and a feed served by WireMock. */
class BulkCommandsTest {

    @TempDir
    Path dir;

    private WireMockServer origin;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void start() {
        origin = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        origin.start();
        System.setProperty("precis.fetch.allow-hosts", "127.0.0.1");
        origin.stubFor(get("/valley.html").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(BriefServiceTest.PAGE)));
    }

    @AfterEach
    void stop() {
        System.clearProperty("precis.fetch.allow-hosts");
        origin.stop();
    }

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return PrecisCli.run(args, CommandLine::context, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonNode summary() {
        return Json.parse(out.toString(StandardCharsets.UTF_8).strip());
    }

    private static long files(Path dir, String suffix) throws IOException {
        try (Stream<Path> listed = Files.list(dir)) {
            return listed.filter(path -> path.toString().endsWith(suffix) && !path.toString().endsWith(".problem.json")).count();
        }
    }

    @Test
    void aBatchWritesOneBriefPerLineAndResumesWhereItStopped() throws IOException {
        Path input = dir.resolve("in.jsonl");
        Path briefs = dir.resolve("briefs");
        String page = "http://127.0.0.1:" + origin.port() + "/valley.html";
        Files.writeString(input, String.join("\n",
                "{\"id\":\"ferry\",\"body\":\"The river ferry resumed on Monday after a week of repairs to its engine.\"}",
                page,
                "{\"id\":\"broken\",\"body\":\"never closed",
                "",
                "{\"request\":{\"id\":\"wrapped/one\",\"body\":\"A job line: the request and where its brief goes.\"},\"deliver\":{}}"));
        assertThat(run("batch", input.toString(), "--out", briefs.toString(), "--jobs", "2")).isEqualTo(1);
        JsonNode first = summary();
        assertThat(first.get("lines").asInt()).isEqualTo(4);
        assertThat(first.get("written").asInt()).isEqualTo(3);
        assertThat(first.get("failed").asInt()).isEqualTo(1);
        assertThat(first.get("articlesPerSecond").asDouble()).isPositive();
        assertThat(first.get("peakHeapMB").asInt()).isPositive();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("4/4").contains("/s").contains("ETA");
        assertThat(Json.parse(Files.readString(briefs.resolve("ferry.json"))).get("id").asText()).isEqualTo("ferry");
        assertThat(Json.parse(Files.readString(briefs.resolve("line-000002.json"))).get("title").asText())
                .isEqualTo("Night buses return to the valley");
        assertThat(briefs.resolve("wrapped_one.json")).exists();
        assertThat(Json.parse(Files.readString(briefs.resolve("line-000003.problem.json"))).get("status").asInt()).isEqualTo(400);
        assertThat(files(briefs, ".json")).isEqualTo(3);

        assertThat(run("batch", input.toString(), "--out", briefs.toString())).isEqualTo(1);
        JsonNode second = summary();
        assertThat(second.get("skipped").asInt()).isEqualTo(3);
        assertThat(second.get("failed").asInt()).isEqualTo(1);
        origin.verify(1, getRequestedFor(urlEqualTo("/valley.html")));
    }

    @Test
    void badArgumentsAreUsageOrProblems() {
        assertThat(run("batch", "only-a-file.jsonl")).isEqualTo(64);
        assertThat(run("batch", dir.resolve("missing.jsonl").toString(), "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No such file");
        assertThat(run("sweep", "--source", "http://127.0.0.1:1/feed", "--since", "yesterday")).isEqualTo(2);
        assertThat(run("sweep", "--source", "http://127.0.0.1:1/feed", "--kind", "gopher")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown source kind");
    }

    @Test
    void aSweepAnalyzesTheItemsPublishedBetweenSinceAndUntil() {
        String base = "http://127.0.0.1:" + origin.port();
        origin.stubFor(get("/feed.xml").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml").withBody("""
                <rss version="2.0"><channel><title>Valley</title><link>%1$s</link><description>d</description>
                <item><title>Inside</title><link>%1$s/valley.html</link><pubDate>Sun, 29 Nov 2026 10:00:00 GMT</pubDate></item>
                <item><title>Before</title><link>%1$s/old.html</link><pubDate>Sat, 28 Nov 2026 10:00:00 GMT</pubDate></item>
                </channel></rss>""".formatted(base))));
        assertThat(run("sweep", "--source", base + "/feed.xml", "--since", "2026-11-29T00:00:00Z", "--until", "2026-11-30T00:00:00Z"))
                .isZero();
        JsonNode report = summary();
        assertThat(report.get("totals").get("items").asInt()).isEqualTo(2);
        assertThat(report.get("totals").get("analyzed").asInt()).isEqualTo(1);
        origin.verify(0, getRequestedFor(urlEqualTo("/old.html")));
    }
}

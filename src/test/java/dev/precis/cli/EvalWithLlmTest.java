package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.precis.api.Json;
import dev.precis.config.CommandLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code precis eval summarization --engine llm --replay DIR}: recorded once against an endpoint, replayed offline. */
class EvalWithLlmTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        for (String key : List.of("precis.llm.provider", "precis.llm.base-url", "precis.llm.model", "precis.llm.replay-dir")) {
            System.clearProperty(key);
        }
    }

    private int run(ByteArrayOutputStream out, String... args) {
        return PrecisCli.run(args, CommandLine::context, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void aRecordedRunReplaysWithoutTheEndpoint() throws IOException {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, "{\"id\":\"n1\",\"text\":\"The ferry to Lind resumed on Monday after a storm closed the port. "
                + "Passengers waited two hours.\",\"reference\":\"The ferry to Lind resumed on Monday.\"}\n");
        WireMockServer endpoint = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        endpoint.start();
        try {
            var output = Json.MAPPER.createObjectNode().put("headline", "Ferry to Lind resumes").put("excerpt", "The Lind ferry is back.");
            output.putArray("summary").add("The ferry to Lind resumed on Monday.");
            output.putArray("keyPoints").add("Ferry resumed");
            output.putArray("tags");
            output.putArray("topics");
            var body = Json.MAPPER.createObjectNode().put("model", "m");
            body.putArray("choices").addObject().put("finish_reason", "stop").putObject("message").put("content", Json.write(output));
            body.putObject("usage").put("prompt_tokens", 50).put("completion_tokens", 20);
            endpoint.stubFor(post("/v1/chat/completions").willReturn(okJson(Json.write(body))));
            System.setProperty("precis.llm.provider", "openai");
            System.setProperty("precis.llm.base-url", "http://127.0.0.1:" + endpoint.port() + "/v1");
            System.setProperty("precis.llm.model", "m");
            Path recordings = dir.resolve("recorded");

            ByteArrayOutputStream first = new ByteArrayOutputStream();
            assertThat(run(first, "eval", "summarization", gold.toString(), "--out", dir.resolve("p1.jsonl").toString(),
                    "--engine", "llm", "--replay", recordings.toString())).isZero();
            endpoint.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
            assertThat(recordings).isDirectoryContaining("glob:**.json");

            System.clearProperty("precis.llm.provider");
            System.clearProperty("precis.llm.model");
            System.clearProperty("precis.llm.base-url");
            endpoint.stop();
            ByteArrayOutputStream second = new ByteArrayOutputStream();
            assertThat(run(second, "eval", "summarization", gold.toString(), "--out", dir.resolve("p2.jsonl").toString(),
                    "--engine", "llm", "--replay", recordings.toString())).isZero();
            assertThat(Files.readString(dir.resolve("p2.jsonl"))).isEqualTo(Files.readString(dir.resolve("p1.jsonl")));
            JsonNode prediction = Json.parse(Files.readAllLines(dir.resolve("p2.jsonl")).get(0));
            assertThat(prediction.get("summary").asText()).isEqualTo("The ferry to Lind resumed on Monday.");
            JsonNode report = Json.parse(second.toString(StandardCharsets.UTF_8).strip());
            assertThat(report.get("engine").asText()).isEqualTo("llm");
            assertThat(report.get("problems").asInt()).isZero();
        } finally {
            endpoint.stop();
        }
    }
}

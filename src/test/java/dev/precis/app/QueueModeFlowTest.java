package dev.precis.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.precis.ApiEvents;
import dev.precis.api.Json;
import dev.precis.config.Wiring;
import dev.precis.deliver.queue.SqsEndpoint;
import dev.precis.function.EventDispatcher;
import dev.precis.function.LambdaEvent;
import dev.precis.ingest.cms.TestSigner;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queue mode: a verified webhook is answered 202 with the SQS message id and analyzed later by the queue's
 * consumer; a sweep with a queue sends one message per due item. SQS is WireMock speaking SQS's JSON protocol,
 * reached through the SDK's own endpoint setting.
 */
class QueueModeFlowTest {

    private static final String GENERIC_SECRET = "queue-generic-secret";
    private static SqsEndpoint sqs;
    private static WireMockServer origin;
    private static EventDispatcher dispatcher;

    @BeforeAll
    static void start() {
        sqs = new SqsEndpoint();
        sqs.becomeTheSdkDefault();
        origin = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        origin.start();
        String base = "http://127.0.0.1:" + origin.port();
        Map<String, String> config = new HashMap<>();
        config.put("precis.fetch.allow-hosts", "127.0.0.1");
        config.put("precis.queue.url", sqs.queueUrl());
        config.put("precis.webhooks.mode", "queue");
        config.put("precis.webhooks.generic.secret", GENERIC_SECRET);
        config.put("precis.webhooks.generic.fields.body", "/article/text");
        config.put("precis.webhooks.generic.fields.id", "/article/key");
        config.put("precis.deliver.callback.url", base + "/callback");
        config.put("precis.deliver.callback.secret", "queue-callback-secret");
        dispatcher = new Wiring(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(config, "test", 500)).build(),
                () -> AppFixture.VERTX).dispatcher();
    }

    @AfterAll
    static void stop() {
        origin.stop();
        sqs.close();
    }

    @BeforeEach
    void reset() {
        sqs.batches().clear();
        origin.resetAll();
        origin.stubFor(post("/callback").willReturn(aResponse().withStatus(204)));
    }

    private static byte[] payload(String name) {
        try (InputStream in = QueueModeFlowTest.class.getResourceAsStream("/cms/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWebhookIsAcknowledgedWithItsMessageIdAndAnalyzedByTheConsumer() {
        byte[] body = payload("generic-article.json");
        JsonNode response = dispatcher.dispatch(LambdaEvent.of(ApiEvents.httpApi("POST", "/v1/webhooks/generic",
                TestSigner.generic(GENERIC_SECRET, body, System.currentTimeMillis() / 1000), body, false))).response();
        assertThat(response.get("statusCode").asInt()).isEqualTo(202);
        JsonNode receipt = Json.parse(response.get("body").asText());
        assertThat(receipt.get("status").asText()).isEqualTo("queued");
        assertThat(receipt.get("messageId").asText()).isEqualTo("msg-0-0");
        assertThat(origin.findAll(postRequestedFor(urlEqualTo("/callback")))).isEmpty();

        JsonNode job = sqs.messages().get(0);
        assertThat(job.get("request").get("id").asText()).isEqualTo("story-2208");
        JsonNode answer = dispatcher.dispatch(LambdaEvent.parse("{\"Records\":[{\"messageId\":\"msg-0-0\",\"body\":"
                + Json.write(Json.MAPPER.getNodeFactory().textNode(Json.write(job))) + ",\"eventSource\":\"aws:sqs\"}]}")).response();
        assertThat(answer.get("batchItemFailures")).isEmpty();
        List<LoggedRequest> delivered = origin.findAll(postRequestedFor(urlEqualTo("/callback")));
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).getHeader("Idempotency-Key")).startsWith("story-2208:sha256:");
    }

    @Test
    void aSweepWithAQueueSendsOneMessagePerDueItemTenToABatch() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            items.append("<item><title>Tide table ").append(i).append("</title><link>http://127.0.0.1:").append(origin.port())
                    .append("/tides/").append(i).append("</link><pubDate>Mon, 30 Nov 2026 09:").append(10 + i)
                    .append(":00 GMT</pubDate></item>");
        }
        origin.stubFor(get("/tides.xml").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml").withBody(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Tides</title><link>http://x.example/</link>"
                        + "<description>d</description>" + items + "</channel></rss>")));
        JsonNode report = dispatcher.dispatch(LambdaEvent.parse("""
                {"sweep":{"sources":[{"name":"tides","kind":"rss","url":"http://127.0.0.1:%d/tides.xml"}],
                 "window":"PT1H","time":"2026-11-30T10:00:00Z"}}""".formatted(origin.port()))).response();
        assertThat(report.get("sources").get(0).get("due").asInt()).isEqualTo(12);
        assertThat(report.get("sources").get(0).get("queued").asInt()).isEqualTo(12);
        assertThat(sqs.batches()).extracting(List::size).containsExactly(10, 2);
        assertThat(sqs.messages()).extracting(job -> job.get("request").get("url").asText())
                .allMatch(url -> url.contains("/tides/"));
        assertThat(origin.findAll(postRequestedFor(urlEqualTo("/callback")))).isEmpty();
    }
}

package dev.precis.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.precis.api.Json;
import dev.precis.config.Wiring;
import dev.precis.function.EventDispatcher;
import dev.precis.function.LambdaEvent;
import dev.precis.function.Outcome;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled sweeps, SQS batches and Step Functions batches through the dispatcher, wired from configuration,
 * with WireMock as the feed's origin, the article pages and the callback receiver.
 */
class SweepAndQueueFlowTest {

    private static final String ARTICLE = "<html><head><title>%s</title></head><body><article><h1>%s</h1><p>The harbour board "
            + "met on Monday to agree a plan for the north quay, and said work would start in the spring.</p><p>Board chair "
            + "Irene Falk said the plan would add two berths and a waiting room for ferry passengers.</p></article></body></html>";
    private static WireMockServer origin;
    private static EventDispatcher dispatcher;
    private static EventDispatcher impatient;

    @BeforeAll
    static void start() {
        origin = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        origin.start();
        String base = "http://127.0.0.1:" + origin.port();
        Map<String, String> config = new HashMap<>();
        config.put("precis.fetch.allow-hosts", "127.0.0.1");
        config.put("precis.deliver.callback.url", base + "/callback");
        config.put("precis.deliver.callback.secret", "sweep-callback-secret");
        config.put("precis.sweep.sources", "[{\"name\":\"quay\",\"kind\":\"rss\",\"url\":\"" + base + "/rss\"},"
                + "{\"name\":\"down\",\"kind\":\"rss\",\"url\":\"" + base + "/down\"}]");
        config.put("precis.sweep.window", "PT15M");
        dispatcher = wire(config);
        Map<String, String> hurried = new HashMap<>(config);
        hurried.put("precis.invocation.timeout", "4s");
        hurried.put("precis.fetch.timeout", "10s");
        impatient = wire(hurried);
    }

    private static EventDispatcher wire(Map<String, String> config) {
        return new Wiring(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(config, "test", 500)).build(),
                () -> AppFixture.VERTX).dispatcher();
    }

    @AfterAll
    static void stop() {
        origin.stop();
    }

    @BeforeEach
    void reset() {
        origin.resetAll();
        origin.stubFor(post("/callback").willReturn(aResponse().withStatus(204)));
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Quay</title><link>%1$s/</link><description>d</description>
                <item><title>Due</title><link>%1$s/due</link><pubDate>Mon, 30 Nov 2026 11:50:00 GMT</pubDate></item>
                <item><title>Also due</title><link>%1$s/edge</link><pubDate>Mon, 30 Nov 2026 11:45:00 GMT</pubDate></item>
                <item><title>Too late</title><link>%1$s/late</link><pubDate>Mon, 30 Nov 2026 12:00:00 GMT</pubDate></item>
                <item><title>Too early</title><link>%1$s/early</link><pubDate>Mon, 30 Nov 2026 11:44:59 GMT</pubDate></item>
                </channel></rss>""".formatted("http://127.0.0.1:" + origin.port());
        origin.stubFor(get("/rss").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml").withBody(rss)));
        origin.stubFor(get("/down").willReturn(aResponse().withStatus(500)));
        for (String page : List.of("due", "edge", "late", "early")) {
            origin.stubFor(get("/" + page).willReturn(aResponse().withHeader("Content-Type", "text/html")
                    .withBody(ARTICLE.formatted(page, page))));
        }
    }

    private static JsonNode dispatch(EventDispatcher to, String event) {
        return to.dispatch(LambdaEvent.parse(event)).response();
    }

    private static List<String> deliveredTitles() {
        return origin.findAll(postRequestedFor(urlEqualTo("/callback"))).stream()
                .map(request -> Json.parse(request.getBodyAsString()).path("title").asText("(untitled)")).sorted().collect(Collectors.toList());
    }

    @Test
    void aScheduledEventSweepsTheDueItemsOnceAndASourceFailureDoesNotStopTheOthers() {
        JsonNode report = dispatch(dispatcher, """
                {"version":"0","id":"e1","detail-type":"Scheduled Event","source":"aws.events","account":"123456789012",
                 "time":"2026-11-30T12:00:00Z","region":"eu-west-1","resources":[],"detail":{}}""");
        assertThat(report.get("kind").asText()).isEqualTo("sweep");
        assertThat(report.get("window").get("from").asText()).isEqualTo("2026-11-30T11:45:00Z");
        assertThat(report.get("window").get("to").asText()).isEqualTo("2026-11-30T12:00:00Z");
        JsonNode quay = report.get("sources").get(0);
        assertThat(quay.get("items").asInt()).isEqualTo(4);
        assertThat(quay.get("due").asInt()).isEqualTo(2);
        assertThat(quay.get("analyzed").asInt()).isEqualTo(2);
        JsonNode down = report.get("sources").get(1);
        assertThat(down.get("error").asText()).contains("500");
        assertThat(report.get("totals").get("sourcesFailed").asInt()).isEqualTo(1);
        assertThat(deliveredTitles()).containsExactly("Also due", "Due");

        origin.resetRequests();
        JsonNode replay = dispatch(dispatcher, """
                {"sweep":{"time":"2026-11-30T12:00:00Z","window":"PT15M"}}""");
        assertThat(replay.get("sources").get(0).get("due").asInt()).isEqualTo(2);
        assertThat(deliveredTitles()).containsExactly("Also due", "Due");
    }

    @Test
    void aSchedulerInputNamesItsOwnSourcesAndWindow() {
        String base = "http://127.0.0.1:" + origin.port();
        JsonNode report = dispatch(dispatcher, """
                {"sweep":{"sources":[{"name":"only","kind":"rss","url":"%s/rss"}],"window":"PT20M","time":"2026-11-30T12:00:00Z"}}"""
                .formatted(base));
        assertThat(report.get("sources")).hasSize(1);
        assertThat(report.get("sources").get(0).get("due").asInt()).isEqualTo(3);
        JsonNode bad = dispatch(dispatcher, "{\"sweep\":{\"sources\":[{\"kind\":\"gopher\",\"url\":\"x\"}]}}");
        assertThat(bad.get("status").asInt()).isEqualTo(400);
        assertThat(bad.get("errors").get(0).get("field").asText()).isEqualTo("/sweep/sources/0");
    }

    @Test
    void anSqsBatchNamesExactlyTheRecordsThatFailed() {
        String good = Json.write(Json.MAPPER.createObjectNode().put("id", "one")
                .put("body", "The river ferry resumed on Monday. Passengers said the crossing was calm."));
        String job = Json.write(Json.parse("{\"request\":{\"id\":\"two\",\"body\":\"A second article about the new quay crane.\"},"
                + "\"deliver\":{\"targets\":[]}}"));
        String event = Json.write(Json.parse("""
                {"Records":[
                 {"messageId":"m-1","receiptHandle":"r1","body":%s,"attributes":{},"eventSource":"aws:sqs","awsRegion":"eu-west-1"},
                 {"messageId":"m-2","receiptHandle":"r2","body":%s,"attributes":{},"eventSource":"aws:sqs","awsRegion":"eu-west-1"},
                 {"messageId":"m-3","receiptHandle":"r3","body":"{\\"id\\":\\"three\\",\\"body\\":\\"cut off","eventSource":"aws:sqs"},
                 {"messageId":"m-4","receiptHandle":"r4","eventSource":"aws:sqs"},
                 {"messageId":"m-5","receiptHandle":"r5","body":"{\\"id\\":\\"five\\",\\"body\\":\\"<p></p>\\"}","eventSource":"aws:sqs"}]}"""
                .formatted(Json.write(good), Json.write(job))));
        Outcome outcome = dispatcher.dispatch(LambdaEvent.parse(event));
        assertThat(outcome.response().get("batchItemFailures").findValuesAsText("itemIdentifier")).containsExactly("m-3", "m-4", "m-5");
        List<LoggedRequest> callbacks = origin.findAll(postRequestedFor(urlEqualTo("/callback")));
        assertThat(callbacks).hasSize(1);
        assertThat(callbacks.get(0).getHeader("Idempotency-Key")).startsWith("one:sha256:");
    }

    @Test
    @Timeout(20)
    void recordsNotFinishedBeforeTheDeadlineAreReportedNotDropped() {
        origin.stubFor(get("/slow").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody(ARTICLE.formatted("slow", "slow")).withFixedDelay(6_000)));
        String slow = Json.write("{\"id\":\"slow\",\"url\":\"http://127.0.0.1:" + origin.port() + "/slow\"}");
        String quick = Json.write("{\"id\":\"quick\",\"body\":\"A quick story about the quay that needs no fetching at all.\"}");
        String event = "{\"Records\":[{\"messageId\":\"q-1\",\"body\":" + quick + ",\"eventSource\":\"aws:sqs\"},"
                + "{\"messageId\":\"q-2\",\"body\":" + slow + ",\"eventSource\":\"aws:sqs\"}]}";
        JsonNode answer = dispatch(impatient, event);
        assertThat(answer.get("batchItemFailures").findValuesAsText("itemIdentifier")).containsExactly("q-2");
    }

    @Test
    @Timeout(20)
    void aSlowSourceIsReportedLateWhileTheOthersAreSweptAndDelivered() {
        origin.stubFor(get("/slow-feed").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
                .withBody("<rss version=\"2.0\"><channel><title>t</title></channel></rss>").withFixedDelay(8_000)));
        String base = "http://127.0.0.1:" + origin.port();
        long started = System.nanoTime();
        JsonNode report = dispatch(impatient, """
                {"sweep":{"sources":[{"name":"slow","kind":"rss","url":"%1$s/slow-feed"},{"name":"quay","kind":"rss","url":"%1$s/rss"}],
                 "window":"PT15M","time":"2026-11-30T12:00:00Z"}}""".formatted(base));
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(6_000);
        assertThat(report.get("sources").get(0).get("error").asText()).contains("time ran low");
        assertThat(report.get("sources").get(1).get("analyzed").asInt()).isEqualTo(2);
        assertThat(report.get("totals").get("sourcesFailed").asInt()).isEqualTo(1);
        assertThat(deliveredTitles()).containsExactly("Also due", "Due");
    }

    @Test
    void aStepFunctionsBatchAnswersPerItem() {
        String base = "http://127.0.0.1:" + origin.port();
        JsonNode answer = dispatch(dispatcher, """
                {"Items":[{"url":"%1$s/due","id":"csv-1"},{"id":"jsonl-2","body":"A story written inline about a lifeboat."},
                          {"url":"%1$s/missing"}],
                 "BatchInput":{"deliver":{"targets":["callback"]}}}""".formatted(base));
        assertThat(answer.get("analyzed").asInt()).isEqualTo(2);
        assertThat(answer.get("failed").asInt()).isEqualTo(1);
        assertThat(answer.get("items").get(0).get("status").asText()).isEqualTo("analyzed");
        assertThat(answer.get("items").get(0).get("id").asText()).isEqualTo("csv-1");
        assertThat(answer.get("items").get(2).get("error").asText()).contains("502");
        LoggedRequest callback = origin.findAll(postRequestedFor(urlEqualTo("/callback"))).get(0);
        assertThat(callback.getHeader("Idempotency-Key")).matches("(csv-1|jsonl-2):sha256:[0-9a-f]{64}");
    }

    @Test
    void csvRowsKeepTheirRequestColumnsAndDropBlankCellsAndOtherColumns() {
        String base = "http://127.0.0.1:" + origin.port();
        JsonNode answer = dispatch(dispatcher, """
                {"Items":[{"url":"%s/due","id":"row-1","title":"","section":"harbour"},{"url":" ","id":"row-2"}],
                 "BatchInput":{"format":"csv","deliver":{"targets":[]}}}""".formatted(base));
        assertThat(answer.get("items").get(0).get("status").asText()).isEqualTo("analyzed");
        assertThat(answer.get("items").get(0).get("id").asText()).isEqualTo("row-1");
        assertThat(answer.get("items").get(1).get("status").asText()).isEqualTo("failed");
        assertThat(answer.get("items").get(1).get("error").asText()).startsWith("400");
    }
}

package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.precis.api.Json;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.precis.function.LambdaClient.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled sweeps, SQS batches and Step Functions batches through the real Funqy handler and the mock
 * event server, with a local feed, its pages and the callback receiver served by WireMock.
 */
@QuarkusTest
@QuarkusTestResource(value = ScheduleAndQueueLambdaTest.Origin.class, restrictToAnnotatedClass = true)
class ScheduleAndQueueLambdaTest {

    static WireMockServer origin;

    /** Starts the origin before Quarkus, so its address can be configured as the sweep source and callback. */
    public static final class Origin implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            origin = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            origin.start();
            String base = "http://127.0.0.1:" + origin.port();
            return Map.of("precis.fetch.allow-hosts", "127.0.0.1",
                    "precis.deliver.callback.url", base + "/hook",
                    "precis.deliver.callback.secret", "schedule-test-secret",
                    "precis.sweep.sources", "[{\"name\":\"harbour\",\"kind\":\"rss\",\"url\":\"" + base + "/feed.xml\"}]",
                    "precis.sweep.window", "PT1H");
        }

        @Override
        public void stop() {
            origin.stop();
        }
    }

    private static final String PAGE = "<html><head><title>%1$s</title></head><body><article><h1>%1$s</h1><p>The council voted on "
            + "Tuesday to keep the night bus running through the winter, after a petition signed by 4,000 people.</p><p>The "
            + "transport committee said the service would be reviewed again in March.</p></article></body></html>";

    @BeforeEach
    void serve() {
        origin.resetAll();
        origin.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
        String base = "http://127.0.0.1:" + origin.port();
        origin.stubFor(get("/feed.xml").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml").withBody("""
                <?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title><link>%1$s</link><description>x</description>
                <item><title>Night bus stays</title><link>%1$s/a</link><pubDate>Sat, 28 Nov 2026 05:30:00 +0000</pubDate></item>
                <item><title>From the day before</title><link>%1$s/b</link><pubDate>Fri, 27 Nov 2026 05:30:00 +0000</pubDate></item>
                </channel></rss>""".formatted(base))));
        origin.stubFor(get("/a").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(PAGE.formatted("Night bus"))));
        origin.stubFor(get("/b").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(PAGE.formatted("Older"))));
    }

    private static String record(String id, String body) {
        String bodyField = body == null ? "" : "\"body\":" + Json.write(Json.MAPPER.getNodeFactory().textNode(body)) + ",";
        return """
                {"messageId":"%s","receiptHandle":"AQEB%s",%s"attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1796000000000",
                 "SenderId":"AIDAEXAMPLE","ApproximateFirstReceiveTimestamp":"1796000000001"},"messageAttributes":{},
                 "md5OfBody":"0","eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:eu-west-1:123456789012:precis-jobs",
                 "awsRegion":"eu-west-1"}""".formatted(id, id, bodyField);
    }

    private static List<String> failed(JsonNode answer) {
        return answer.get("batchItemFailures").findValuesAsText("itemIdentifier");
    }

    @Test
    void anSqsBatchNamesOnlyTheTruncatedRecord() {
        JsonNode answer = invoke("{\"Records\":[" + record("m-1", "{\"id\":\"one\",\"body\":\"The night bus will keep running.\"}")
                + "," + record("m-2", "{\"request\":{\"body\":\"A ferry timetable changes in spring.\"},\"deliver\":{\"targets\":[]}}")
                + "," + record("m-3", "{\"id\":\"three\",\"body\":\"The council") + "]}");
        assertThat(failed(answer)).containsExactly("m-3");
    }

    @Test
    void aRecordWithoutABodyIsNamedAndAValidOneNever() {
        JsonNode answer = invoke("{\"Records\":[" + record("m-9", null) + ","
                + record("m-10", "{\"id\":\"ten\",\"body\":\"Buses return to the harbour road after repairs.\"}") + "]}");
        assertThat(failed(answer)).containsExactly("m-9");
    }

    @Test
    void anEventBridgeScheduleSweepsTheDueItemsAndDeliversEachOnce() {
        String event = """
                {"version":"0","id":"53dc4d37","detail-type":"Scheduled Event","source":"aws.events","account":"123456789012",
                 "time":"2026-11-28T06:00:00Z","region":"eu-west-1","resources":["arn:aws:events:eu-west-1:123456789012:rule/sweep"],
                 "detail":{}}""";
        JsonNode report = invoke(event);
        assertThat(report.get("window").get("from").asText()).isEqualTo("2026-11-28T05:00:00Z");
        assertThat(report.get("sources").get(0).get("due").asInt()).isEqualTo(1);
        assertThat(report.get("sources").get(0).get("analyzed").asInt()).isEqualTo(1);
        List<LoggedRequest> delivered = origin.findAll(postRequestedFor(urlEqualTo("/hook")));
        assertThat(delivered).hasSize(1);
        assertThat(Json.parse(delivered.get(0).getBodyAsString()).get("title").asText()).isEqualTo("Night bus stays");

        origin.resetRequests();
        assertThat(invoke(event).get("sources").get(0).get("due").asInt()).isEqualTo(1);
        assertThat(origin.findAll(postRequestedFor(urlEqualTo("/hook")))).hasSize(1);
    }

    @Test
    void aSchedulerEventCarriesItsOwnWindow() {
        JsonNode report = invoke("{\"sweep\":{\"window\":\"P2D\",\"time\":\"2026-11-28T06:00:00Z\"}}");
        assertThat(report.get("kind").asText()).isEqualTo("sweep");
        assertThat(report.get("sources").get(0).get("due").asInt()).isEqualTo(2);
    }

    @Test
    void aStepFunctionsBatchIsAnsweredPerItem() {
        JsonNode answer = invoke("""
                {"Items":[{"id":"x1","body":"The harbour road reopened on Friday after three weeks of repairs."},{"id":"x2"}],
                 "BatchInput":{"deliver":{"targets":[]}}}""");
        assertThat(answer.get("items")).hasSize(2);
        assertThat(answer.get("items").get(0).get("status").asText()).isEqualTo("analyzed");
        assertThat(answer.get("items").get(1).get("status").asText()).isEqualTo("failed");
    }
}

package dev.precis.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.precis.ApiEvents;
import dev.precis.SchemaAssert;
import dev.precis.api.Json;
import dev.precis.config.Wiring;
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
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook → analysis → write-back → the update webhook that write causes → no second write, for each CMS,
 * with WireMock standing in for every CMS API and for the callback receiver. The application is wired
 * from configuration keys exactly as a deployment sets them.
 */
class WebhookFlowTest {

    private static final Map<String, String> SECRETS = Map.of("ghost", "ghost-secret-for-tests", "wordpress", "wp-secret-for-tests",
            "contentful", "contentful-secret-for-tests-0123456789abcdef0123456789abcdef01", "sanity", "sanity-secret-for-tests",
            "strapi", "strapi-token-for-tests", "generic", "generic-secret-for-tests");
    private static WireMockServer cms;
    private static EventDispatcher dispatcher;
    /** A second container: it has no memory of the first one's writes, so it must read the CMS to see them. */
    private static EventDispatcher elsewhere;

    @BeforeAll
    static void start() {
        cms = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        cms.start();
        String base = "http://127.0.0.1:" + cms.port();
        Map<String, String> config = new HashMap<>();
        SECRETS.forEach((name, secret) -> config.put("precis.webhooks." + name + (name.equals("strapi") ? ".token" : ".secret"), secret));
        config.put("precis.webhooks.generic.fields.body", "/article/text");
        config.put("precis.webhooks.generic.fields.id", "/article/key");
        config.put("precis.webhooks.sanity.site-url", "https://river-times.example/news");
        config.put("precis.webhooks.strapi.site-url", "https://peaks.example/stories");
        config.put("precis.fetch.allow-hosts", "127.0.0.1");
        for (String name : List.of("wordpress", "ghost", "strapi", "sanity")) {
            config.put("precis.cms." + name + ".base-url", base);
            config.put("precis.cms." + name + ".write", "tags,excerpt");
            config.put("precis.cms." + name + ".new-tag-min-score", "0");
        }
        config.put("precis.cms.wordpress.username", "editor");
        config.put("precis.cms.wordpress.app-password", "abcd efgh ijkl mnop");
        config.put("precis.cms.ghost.admin-key", "6489f3d2a1b2c3d4e5f60718:a1b2c3d4e5f60718293a4b5c6d7e8f90");
        config.put("precis.cms.strapi.token", "strapi-api-token");
        config.put("precis.cms.sanity.dataset", "production");
        config.put("precis.cms.sanity.token", "sanity-api-token");
        config.put("precis.cms.contentful.base-url", base);
        config.put("precis.cms.contentful.space", "spc123");
        config.put("precis.cms.contentful.management-token", "cma-token");
        config.put("precis.cms.contentful.write", "excerpt");
        config.put("precis.deliver.callback.url", base + "/callback");
        config.put("precis.deliver.callback.secret", "callback-secret");
        dispatcher = new Wiring(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(config, "test", 500)).build(),
                () -> AppFixture.VERTX).dispatcher();
        elsewhere = new Wiring(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(config, "test", 500)).build(),
                () -> AppFixture.VERTX).dispatcher();
    }

    @AfterAll
    static void stop() {
        cms.stop();
    }

    @BeforeEach
    void reset() {
        cms.resetAll();
        cms.stubFor(post("/callback").willReturn(aResponse().withStatus(204)));
    }

    static byte[] payload(String name) {
        try (InputStream in = WebhookFlowTest.class.getResourceAsStream("/cms/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode send(String cms, Map<String, String> headers, byte[] body) {
        return send(cms, headers, body, false);
    }

    private static JsonNode send(String cms, Map<String, String> headers, byte[] body, boolean base64) {
        return dispatcher.dispatch(LambdaEvent.of(ApiEvents.httpApi("POST", "/v1/webhooks/" + cms, headers, body, base64))).response();
    }

    /** The update webhook a write causes, landing on another container. */
    private static JsonNode sendElsewhere(String cms, Map<String, String> headers, byte[] body, boolean base64) {
        return elsewhere.dispatch(LambdaEvent.of(ApiEvents.httpApi("POST", "/v1/webhooks/" + cms, headers, body, base64))).response();
    }

    private static JsonNode receipt(JsonNode response, int status) {
        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(status);
        return Json.parse(response.get("body").asText());
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    @Test
    void wordpressPostUpdateWritesOnceAndItsOwnUpdateWritesNothing() {
        cms.stubFor(get(urlEqualTo("/wp-json/wp/v2/posts/731?context=edit"))
                .willReturn(okJson("{\"id\":731,\"tags\":[3],\"excerpt\":{\"raw\":\"\"}}")));
        cms.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/tags")).willReturn(okJson("[{\"id\":3,\"name\":\"Lighthouses\"}]")));
        cms.stubFor(post("/wp-json/wp/v2/tags").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":77}")));
        cms.stubFor(post("/wp-json/wp/v2/posts/731").willReturn(okJson("{\"id\":731}")));
        byte[] body = payload("wordpress-post-update.json");
        JsonNode receipt = receipt(send("wordpress", TestSigner.wordpress(SECRETS.get("wordpress"), body, "post_update"), body), 200);
        assertThat(receipt.get("status").asText()).isEqualTo("analyzed");
        assertThat(receipt.get("id").asText()).isEqualTo("731");
        assertThat(receipt.get("brief").get("title").asText()).isEqualTo("Cape Brennock lighthouse to open to visitors");
        assertThat(receipt.get("brief").get("url").asText()).isEqualTo("https://coast-herald.example/2026/11/21/cape-brennock-lighthouse-opens/");
        SchemaAssert.assertValidBrief(receipt.get("brief"));
        assertThat(receipt.get("deliveries").toString()).contains("\"target\":\"wordpress\",\"outcome\":\"written\"")
                .contains("\"target\":\"callback\",\"outcome\":\"delivered\"");
        List<LoggedRequest> writes = cms.findAll(postRequestedFor(urlEqualTo("/wp-json/wp/v2/posts/731")));
        assertThat(writes).hasSize(1);
        JsonNode written = Json.parse(writes.get(0).getBodyAsString());
        assertThat(written.get("tags").get(0).asLong()).isEqualTo(3);
        assertThat(written.get("excerpt").asText()).isNotBlank();

        cms.stubFor(get(urlEqualTo("/wp-json/wp/v2/posts/731?context=edit")).willReturn(okJson("{\"id\":731,\"tags\":"
                + written.get("tags") + ",\"excerpt\":{\"raw\":" + Json.write(written.get("excerpt").asText()) + "}}")));
        JsonNode again = receipt(sendElsewhere("wordpress", TestSigner.wordpress(SECRETS.get("wordpress"), body, "post_update"), body, false), 200);
        assertThat(again.get("deliveries").get(0).get("outcome").asText()).isEqualTo("unchanged");
        assertThat(cms.findAll(postRequestedFor(urlEqualTo("/wp-json/wp/v2/posts/731")))).hasSize(1);
    }

    @Test
    void ghostPublishWritesOnceThenNothing() {
        cms.stubFor(get(urlEqualTo("/ghost/api/admin/posts/65a1c0ffee0000000000beef/")).willReturn(okJson(
                "{\"posts\":[{\"id\":\"65a1c0ffee0000000000beef\",\"tags\":[],\"custom_excerpt\":null,\"updated_at\":\"2026-11-20T07:30:00.000Z\"}]}")));
        cms.stubFor(get(urlEqualTo("/ghost/api/admin/tags/?limit=all&fields=name")).willReturn(okJson("{\"tags\":[]}")));
        cms.stubFor(put(urlEqualTo("/ghost/api/admin/posts/65a1c0ffee0000000000beef/")).willReturn(okJson("{\"posts\":[{}]}")));
        byte[] body = payload("ghost-post-published.json");
        JsonNode receipt = receipt(send("ghost", TestSigner.ghost(SECRETS.get("ghost"), body, now()), body), 200);
        JsonNode brief = receipt.get("brief");
        assertThat(brief.get("title").asText()).isEqualTo("Lake ferry adds a winter timetable");
        assertThat(brief.get("source").get("publishedAt").asText()).isEqualTo("2026-11-20T07:30:00Z");
        List<LoggedRequest> writes = cms.findAll(putRequestedFor(urlEqualTo("/ghost/api/admin/posts/65a1c0ffee0000000000beef/")));
        assertThat(writes).hasSize(1);
        JsonNode written = Json.parse(writes.get(0).getBodyAsString()).get("posts").get(0);

        cms.stubFor(get(urlEqualTo("/ghost/api/admin/posts/65a1c0ffee0000000000beef/")).willReturn(okJson(
                "{\"posts\":[{\"id\":\"65a1c0ffee0000000000beef\",\"tags\":" + written.get("tags") + ",\"custom_excerpt\":"
                        + written.get("custom_excerpt") + ",\"updated_at\":\"2026-11-20T07:31:00.000Z\"}]}")));
        JsonNode again = receipt(sendElsewhere("ghost", TestSigner.ghost(SECRETS.get("ghost"), body, now()), body, false), 200);
        assertThat(again.get("deliveries").get(0).get("outcome").asText()).isEqualTo("unchanged");
        assertThat(cms.findAll(putRequestedFor(urlEqualTo("/ghost/api/admin/posts/65a1c0ffee0000000000beef/")))).hasSize(1);
    }

    @Test
    void strapiPublishWritesOnceThenNothing() {
        String path = "/api/articles/k3nq8v2zyw1xuo7p5rt6ea0s";
        cms.stubFor(get(urlEqualTo(path)).willReturn(okJson("{\"data\":{\"documentId\":\"k3nq8v2zyw1xuo7p5rt6ea0s\"}}")));
        cms.stubFor(get(urlEqualTo(path + "?status=draft")).willReturn(okJson("{\"data\":{\"documentId\":\"k3nq8v2zyw1xuo7p5rt6ea0s\","
                + "\"updatedAt\":\"2026-11-30T10:00:00Z\"}}")));
        cms.stubFor(put(urlEqualTo(path + "?status=published")).willReturn(okJson("{\"data\":{}}")));
        byte[] body = payload("strapi5-entry-publish.json");
        JsonNode receipt = receipt(send("strapi", TestSigner.strapi(SECRETS.get("strapi"), "entry.publish"), body), 200);
        assertThat(receipt.get("brief").get("url").asText()).isEqualTo("https://peaks.example/stories/mountain-rescue-second-drone");
        List<LoggedRequest> writes = cms.findAll(putRequestedFor(urlPathEqualTo(path)));
        assertThat(writes).hasSize(1);
        JsonNode written = Json.parse(writes.get(0).getBodyAsString()).get("data");
        String nowPublished = "{\"data\":{\"documentId\":\"k3nq8v2zyw1xuo7p5rt6ea0s\",\"tags\":" + written.get("tags")
                + ",\"excerpt\":" + written.get("excerpt") + "}}";
        cms.stubFor(get(urlEqualTo(path)).willReturn(okJson(nowPublished)));
        cms.stubFor(get(urlEqualTo(path + "?status=draft")).willReturn(okJson(nowPublished)));
        JsonNode again = receipt(sendElsewhere("strapi", TestSigner.strapi(SECRETS.get("strapi"), "entry.publish"), body, false), 200);
        assertThat(again.get("deliveries").get(0).get("outcome").asText()).isEqualTo("unchanged");
        assertThat(cms.findAll(putRequestedFor(urlPathEqualTo(path)))).hasSize(1);
    }

    @Test
    void sanityUpdateWritesOnceThenNothing() {
        cms.stubFor(get(urlPathEqualTo("/v2021-06-07/data/query/production")).willReturn(okJson(
                "{\"result\":{\"_id\":\"a9e3c2d1-5f44-4b7e-9c21-0e8f6d2b7a10\",\"_rev\":\"rev-17\"}}")));
        cms.stubFor(post("/v2021-06-07/data/mutate/production").willReturn(okJson("{\"results\":[]}")));
        byte[] body = payload("sanity-document.json");
        receipt(send("sanity", TestSigner.sanity(SECRETS.get("sanity"), body, now(), "update"), body), 200);
        List<LoggedRequest> writes = cms.findAll(postRequestedFor(urlEqualTo("/v2021-06-07/data/mutate/production")));
        assertThat(writes).hasSize(1);
        JsonNode set = Json.parse(writes.get(0).getBodyAsString()).get("mutations").get(0).get("patch").get("set");
        cms.stubFor(get(urlPathEqualTo("/v2021-06-07/data/query/production")).willReturn(okJson(
                "{\"result\":{\"_id\":\"a9e3c2d1-5f44-4b7e-9c21-0e8f6d2b7a10\",\"_rev\":\"rev-18\",\"tags\":" + set.get("tags")
                        + ",\"excerpt\":" + set.get("excerpt") + "}}")));
        JsonNode again = receipt(sendElsewhere("sanity", TestSigner.sanity(SECRETS.get("sanity"), body, now(), "update"), body, false), 200);
        assertThat(again.get("deliveries").get(0).get("outcome").asText()).isEqualTo("unchanged");
        assertThat(cms.findAll(postRequestedFor(urlEqualTo("/v2021-06-07/data/mutate/production")))).hasSize(1);
    }

    @Test
    void contentfulPublishOverHttpWithABase64BodyWritesOnceThenNothing() {
        String path = "/spaces/spc123/environments/master/entries/4aTnq8Zk1mLpRw2XvYc9Bd";
        cms.stubFor(get(urlEqualTo(path)).willReturn(okJson("{\"sys\":{\"version\":3,\"publishedVersion\":2},\"fields\":{}}")));
        cms.stubFor(put(urlEqualTo(path)).willReturn(okJson("{\"sys\":{\"version\":4}}")));
        cms.stubFor(put(urlEqualTo(path + "/published")).willReturn(okJson("{\"sys\":{\"version\":5}}")));
        byte[] body = payload("contentful-entry-publish.json");
        Map<String, String> headers = TestSigner.contentful(SECRETS.get("contentful"), "POST", "/v1/webhooks/contentful", body, now(),
                "ContentManagement.Entry.publish");
        JsonNode receipt = receipt(send("contentful", headers, body, true), 200);
        assertThat(receipt.get("brief").get("title").asText()).isEqualTo("Orchard growers test frost fans");
        List<LoggedRequest> writes = cms.findAll(putRequestedFor(urlEqualTo(path)));
        assertThat(writes).hasSize(1);
        JsonNode fields = Json.parse(writes.get(0).getBodyAsString()).get("fields");
        cms.stubFor(get(urlEqualTo(path)).willReturn(okJson("{\"sys\":{\"version\":5,\"publishedVersion\":4},\"fields\":" + fields + "}")));
        JsonNode again = receipt(sendElsewhere("contentful", TestSigner.contentful(SECRETS.get("contentful"), "POST",
                "/v1/webhooks/contentful", body, now(), "ContentManagement.Entry.publish"), body, true), 200);
        assertThat(again.get("deliveries").get(0).get("outcome").asText()).isEqualTo("unchanged");
        assertThat(cms.findAll(putRequestedFor(urlEqualTo(path)))).hasSize(1);
    }

    @Test
    void whenEveryDeliveryFailsTheSenderIsToldToRetry() {
        cms.stubFor(get(urlEqualTo("/wp-json/wp/v2/posts/731?context=edit")).willReturn(aResponse().withStatus(500)));
        cms.stubFor(post("/callback").willReturn(aResponse().withStatus(400)));
        byte[] body = payload("wordpress-post-update.json");
        JsonNode response = send("wordpress", TestSigner.wordpress(SECRETS.get("wordpress"), body, "post_update"), body);
        assertThat(response.get("statusCode").asInt()).isEqualTo(502);
        assertThat(Json.parse(response.get("body").asText()).get("type").asText()).isEqualTo("urn:precis:problem:delivery-failed");
    }

    @Test
    void aGenericSenderNeedsOnlyItsMapping() {
        byte[] body = payload("generic-article.json");
        JsonNode receipt = receipt(send("generic", TestSigner.generic(SECRETS.get("generic"), body, now() / 1000), body), 200);
        assertThat(receipt.get("id").asText()).isEqualTo("story-2208");
        assertThat(receipt.get("deliveries").get(0).get("target").asText()).isEqualTo("callback");
    }
}

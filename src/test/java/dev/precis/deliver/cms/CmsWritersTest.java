package dev.precis.deliver.cms;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.precis.api.Brief;
import dev.precis.api.Json;
import dev.precis.deliver.DeliveryContext;
import dev.precis.deliver.DeliveryResult;
import dev.precis.engine.EngineFixture;
import dev.precis.net.JsonHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
 * Each CMS write-back against WireMock standing in for the CMS's API: the exact requests (method, path,
 * credentials, body), only differing fields written, and nothing written when nothing differs.
 */
class CmsWritersTest {

    private static final String STORY = "The old lighthouse at Cape Brennock will open to visitors next summer after a "
            + "three-year restoration, the county heritage trust said on Friday. Trust director Owen Price said volunteers "
            + "replaced the lantern glass and repainted the tower. A museum in the keeper's cottage will show logbooks kept "
            + "at the Cape Brennock lighthouse since 1891. Guided climbs will be limited to ten people at a time, Price said.";
    private static final WriteBack BOTH = new WriteBack(Set.of("tags", "excerpt"), 0.0, "tags", "excerpt");

    private static WireMockServer cms;
    private static JsonHttp http;
    private static Brief brief;

    @BeforeAll
    static void start() {
        cms = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        cms.start();
        http = new JsonHttp(Duration.ofSeconds(2), Duration.ofSeconds(5), "precis-test");
        brief = EngineFixture.analyze("Lighthouse to open to visitors", STORY);
    }

    @AfterAll
    static void stop() {
        http.close();
        cms.stop();
    }

    @BeforeEach
    void reset() {
        cms.resetAll();
    }

    private static String base() {
        return "http://127.0.0.1:" + cms.port();
    }

    private static JsonNode body(LoggedRequest request) {
        return Json.parse(request.getBodyAsString());
    }

    private static RecentWrites fresh() {
        return new RecentWrites(Clock.systemUTC());
    }

    private static List<String> labels() {
        List<String> labels = new ArrayList<>();
        brief.tags().forEach(tag -> labels.add(tag.label()));
        return labels;
    }

    @Test
    void wordpressWritesTagIdsAndTheExcerptInOnePostAndNothingOnReplay() {
        String firstLabel = brief.tags().get(0).label();
        cms.stubFor(get(urlEqualTo("/wp-json/wp/v2/posts/731?context=edit")).inScenario("post").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"id\":731,\"tags\":[5],\"excerpt\":{\"raw\":\"\",\"rendered\":\"<p>Auto excerpt</p>\"}}")));
        // WordPress matches search terms as substrings: only a search for the shared stem finds the plural tag.
        cms.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/tags")).atPriority(10).willReturn(okJson("[]")));
        cms.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/tags")).atPriority(1)
                .withQueryParam("search", equalTo(WordPressWriter.searchTerm(firstLabel)))
                .willReturn(okJson("[{\"id\":41,\"name\":\"" + firstLabel.toUpperCase() + "s\"}]")));
        cms.stubFor(post(urlEqualTo("/wp-json/wp/v2/tags")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":900}")));
        cms.stubFor(post(urlEqualTo("/wp-json/wp/v2/posts/731")).willReturn(okJson("{\"id\":731}")));
        WordPressWriter writer = new WordPressWriter(http, base(), "editor", "abcd efgh ijkl", BOTH, fresh());

        DeliveryResult first = writer.deliver(brief, new DeliveryContext("731", null, null));
        assertThat(first.outcome()).isEqualTo(DeliveryResult.WRITTEN);
        List<LoggedRequest> writes = cms.findAll(postRequestedFor(urlEqualTo("/wp-json/wp/v2/posts/731")));
        assertThat(writes).hasSize(1);
        assertThat(writes.get(0).getHeader("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("editor:abcd efgh ijkl".getBytes(StandardCharsets.UTF_8)));
        JsonNode sent = body(writes.get(0));
        List<Long> tags = new ArrayList<>();
        sent.get("tags").forEach(id -> tags.add(id.asLong()));
        assertThat(tags).startsWith(5L, 41L).contains(900L).doesNotHaveDuplicates();
        assertThat(sent.get("excerpt").asText()).isEqualTo(Excerpt.of(brief));

        // The write makes WordPress send post_update again; the post now holds what was written.
        cms.stubFor(get(urlEqualTo("/wp-json/wp/v2/posts/731?context=edit")).inScenario("post").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"id\":731,\"tags\":" + sent.get("tags") + ",\"excerpt\":{\"raw\":"
                        + Json.write(sent.get("excerpt").asText()) + "}}")));
        // Read on another container (no memory of the write), the post shows nothing left to change.
        WordPressWriter elsewhere = new WordPressWriter(http, base(), "editor", "abcd efgh ijkl", BOTH, fresh());
        DeliveryResult replay = elsewhere.deliver(brief, new DeliveryContext("731", null, null));
        assertThat(replay.outcome()).isEqualTo(DeliveryResult.UNCHANGED);
        assertThat(cms.findAll(postRequestedFor(urlEqualTo("/wp-json/wp/v2/posts/731")))).hasSize(1);
    }

    @Test
    void theWordpressTagSearchAsksForWhatSingularAndPluralShare() {
        for (String[] pair : new String[][] {{"Ferries", "Ferry"}, {"Elections", "Election"}, {"Taxes", "Tax"}, {"Médecins", "medecin"}}) {
            String term = WordPressWriter.searchTerm(pair[0]);
            assertThat(WordPressWriter.searchTerm(pair[1])).isEqualTo(term);
            assertThat(TagNames.key(pair[0])).startsWith(term);
        }
    }

    @Test
    void wordpressCreatesNoTagBelowTheThreshold() {
        cms.stubFor(get(urlEqualTo("/wp-json/wp/v2/posts/9?context=edit")).willReturn(okJson("{\"id\":9,\"tags\":[],\"excerpt\":{\"raw\":\"x\"}}")));
        cms.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/tags")).willReturn(okJson("[]")));
        WordPressWriter writer = new WordPressWriter(http, base(), "editor", "pw",
                new WriteBack(Set.of("tags"), 1.01, "tags", "excerpt"), fresh());
        assertThat(writer.deliver(brief, new DeliveryContext("9", null, null)).outcome()).isEqualTo(DeliveryResult.UNCHANGED);
        assertThat(cms.findAll(postRequestedFor(urlPathEqualTo("/wp-json/wp/v2/tags")))).isEmpty();
        assertThat(cms.findAll(postRequestedFor(urlEqualTo("/wp-json/wp/v2/posts/9")))).isEmpty();
    }

    @Test
    void ghostSignsAnAdminTokenSendsUpdatedAtAndRetriesOnceOnConflict() throws Exception {
        String keyId = "6489f3d2a1b2c3d4e5f60718";
        String secretHex = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
        cms.stubFor(get(urlEqualTo("/ghost/api/admin/posts/p1/")).willReturn(okJson(
                "{\"posts\":[{\"id\":\"p1\",\"tags\":[{\"name\":\"Transport\"}],\"custom_excerpt\":null,\"updated_at\":\"2026-11-20T07:30:00.000Z\"}]}")));
        cms.stubFor(get(urlEqualTo("/ghost/api/admin/tags/?limit=all&fields=name")).willReturn(okJson("{\"tags\":[{\"name\":\"Transport\"}]}")));
        cms.stubFor(put(urlEqualTo("/ghost/api/admin/posts/p1/")).inScenario("collision").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(409)).willSetStateTo("retried"));
        cms.stubFor(put(urlEqualTo("/ghost/api/admin/posts/p1/")).inScenario("collision").whenScenarioStateIs("retried")
                .willReturn(okJson("{\"posts\":[{\"id\":\"p1\"}]}")));
        GhostWriter writer = new GhostWriter(http, base(), keyId + ":" + secretHex, BOTH, Clock.systemUTC(), fresh());

        DeliveryResult result = writer.deliver(brief, new DeliveryContext("p1", null, null));
        assertThat(result.outcome()).isEqualTo(DeliveryResult.WRITTEN);
        List<LoggedRequest> puts = cms.findAll(putRequestedFor(urlEqualTo("/ghost/api/admin/posts/p1/")));
        assertThat(puts).hasSize(2);
        JsonNode sent = body(puts.get(1)).get("posts").get(0);
        assertThat(sent.get("updated_at").asText()).isEqualTo("2026-11-20T07:30:00.000Z");
        assertThat(sent.get("custom_excerpt").asText()).isEqualTo(Excerpt.of(brief));
        assertThat(sent.get("tags").get(0).get("name").asText()).isEqualTo("Transport");
        String token = puts.get(1).getHeader("Authorization").substring("Ghost ".length());
        String[] parts = token.split("\\.");
        JsonNode header = Json.parse(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        JsonNode claims = Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertThat(header.get("kid").asText()).isEqualTo(keyId);
        assertThat(claims.get("aud").asText()).isEqualTo("/admin/");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(secretHex), "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));
        assertThat(parts[2]).isEqualTo(expected);
    }

    @Test
    void strapiPutsOnlyTheDifferingFieldsWithItsToken() {
        String published = "{\"data\":{\"documentId\":\"k3nq8v2zyw1xuo7p5rt6ea0s\",\"tags\":null,\"summary\":"
                + Json.write(Excerpt.of(brief)) + ",\"publishedAt\":\"2026-11-30T09:00:00Z\"}}";
        cms.stubFor(get(urlEqualTo("/api/articles/k3nq8v2zyw1xuo7p5rt6ea0s")).willReturn(okJson(published)));
        cms.stubFor(get(urlEqualTo("/api/articles/k3nq8v2zyw1xuo7p5rt6ea0s?status=draft")).willReturn(okJson(
                published.replace("\"publishedAt\":\"2026-11-30T09:00:00Z\"", "\"publishedAt\":null"))));
        cms.stubFor(put(urlEqualTo("/api/articles/k3nq8v2zyw1xuo7p5rt6ea0s?status=published")).willReturn(okJson("{\"data\":{}}")));
        StrapiWriter writer = new StrapiWriter(http, base(), "strapi-api-token", new WriteBack(Set.of("tags", "excerpt"), 0.0, "tags", "summary"),
                fresh());
        assertThat(writer.deliver(brief, new DeliveryContext("k3nq8v2zyw1xuo7p5rt6ea0s", "articles", null)).detail()).isEqualTo("tags");
        LoggedRequest sent = cms.findAll(putRequestedFor(urlPathEqualTo("/api/articles/k3nq8v2zyw1xuo7p5rt6ea0s"))).get(0);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer strapi-api-token");
        JsonNode data = body(sent).get("data");
        assertThat(data.has("summary")).isFalse();
        List<String> tags = new ArrayList<>();
        data.get("tags").forEach(tag -> tags.add(tag.asText()));
        assertThat(tags).isEqualTo(labels());
    }

    @Test
    void anItemThatKeepsChangingIsReadAgainOnceThenLeftAlone() {
        String keyId = "6489f3d2a1b2c3d4e5f60718";
        String secretHex = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
        cms.stubFor(get(urlEqualTo("/ghost/api/admin/posts/busy/")).willReturn(okJson(
                "{\"posts\":[{\"id\":\"busy\",\"tags\":[],\"custom_excerpt\":null,\"updated_at\":\"2026-11-20T07:30:00.000Z\"}]}")));
        cms.stubFor(put(urlEqualTo("/ghost/api/admin/posts/busy/")).willReturn(aResponse().withStatus(409)));
        GhostWriter writer = new GhostWriter(http, base(), keyId + ":" + secretHex, new WriteBack(Set.of("excerpt"), 0.5, "tags", "excerpt"),
                Clock.systemUTC(), fresh());
        DeliveryResult result = writer.deliver(brief, new DeliveryContext("busy", null, null));
        assertThat(result.outcome()).isEqualTo(DeliveryResult.FAILED);
        assertThat(result.detail()).isEqualTo("ghost refused the update twice: the item kept changing.");
        cms.verify(2, getRequestedFor(urlEqualTo("/ghost/api/admin/posts/busy/")));
        cms.verify(2, putRequestedFor(urlEqualTo("/ghost/api/admin/posts/busy/")));
    }

    @Test
    void pagesAreWrittenWhereTheirCmsKeepsThem() {
        String keyId = "6489f3d2a1b2c3d4e5f60718";
        String secretHex = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
        cms.stubFor(get(urlEqualTo("/ghost/api/admin/pages/g7/")).willReturn(okJson(
                "{\"pages\":[{\"id\":\"g7\",\"tags\":[],\"custom_excerpt\":null,\"updated_at\":\"2026-11-20T07:30:00.000Z\"}]}")));
        cms.stubFor(get(urlEqualTo("/ghost/api/admin/tags/?limit=all&fields=name")).willReturn(okJson("{\"tags\":[]}")));
        cms.stubFor(put(urlEqualTo("/ghost/api/admin/pages/g7/")).willReturn(okJson("{\"pages\":[{\"id\":\"g7\"}]}")));
        GhostWriter ghost = new GhostWriter(http, base(), keyId + ":" + secretHex, new WriteBack(Set.of("excerpt"), 0.5, "tags", "excerpt"),
                Clock.systemUTC(), fresh());
        assertThat(ghost.deliver(brief, new DeliveryContext("g7", "pages", null)).outcome()).isEqualTo(DeliveryResult.WRITTEN);
        assertThat(body(cms.findAll(putRequestedFor(urlEqualTo("/ghost/api/admin/pages/g7/"))).get(0)).has("pages")).isTrue();

        cms.stubFor(get(urlEqualTo("/wp-json/wp/v2/pages/12?context=edit")).willReturn(okJson("{\"id\":12,\"tags\":[],\"excerpt\":{\"raw\":\"\"}}")));
        cms.stubFor(post(urlEqualTo("/wp-json/wp/v2/pages/12")).willReturn(okJson("{\"id\":12}")));
        WordPressWriter wordpress = new WordPressWriter(http, base(), "editor", "pw", new WriteBack(Set.of("excerpt"), 0.5, "tags", "excerpt"), fresh());
        assertThat(wordpress.deliver(brief, new DeliveryContext("12", "pages", null)).outcome()).isEqualTo(DeliveryResult.WRITTEN);
        cms.verify(postRequestedFor(urlEqualTo("/wp-json/wp/v2/pages/12")));
    }

    @Test
    void aStrapiDraftWithUnpublishedEditsIsWrittenButNotPublished() {
        String path = "/api/articles/d0c5w1thedits00000000000";
        cms.stubFor(get(urlEqualTo(path)).willReturn(okJson("{\"data\":{\"documentId\":\"d0c5w1thedits00000000000\","
                + "\"title\":\"Lighthouse to open\",\"tags\":null}}")));
        cms.stubFor(get(urlEqualTo(path + "?status=draft")).willReturn(okJson("{\"data\":{\"documentId\":\"d0c5w1thedits00000000000\","
                + "\"title\":\"Lighthouse to open in May, not April\",\"tags\":null}}")));
        cms.stubFor(put(urlPathEqualTo(path)).willReturn(okJson("{\"data\":{}}")));
        StrapiWriter writer = new StrapiWriter(http, base(), "strapi-api-token", new WriteBack(Set.of("tags"), 0.0, "tags", "excerpt"), fresh());
        DeliveryResult result = writer.deliver(brief, new DeliveryContext("d0c5w1thedits00000000000", "articles", null));
        assertThat(result.detail()).contains("draft");
        List<LoggedRequest> puts = cms.findAll(putRequestedFor(urlPathEqualTo(path)));
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).getUrl()).isEqualTo(path);
    }

    @Test
    void contentfulPutsTheWholeFieldSetWithItsVersionAndRepublishes() {
        String path = "/spaces/spc1/environments/master/entries/e1";
        cms.stubFor(get(urlEqualTo(path)).willReturn(okJson("{\"sys\":{\"id\":\"e1\",\"version\":5,\"publishedVersion\":4},"
                + "\"fields\":{\"title\":{\"en-US\":\"Lighthouse to open\"},\"excerpt\":{\"en-US\":\"Old text\"}}}")));
        cms.stubFor(put(urlEqualTo(path)).withHeader("X-Contentful-Version", equalTo("5"))
                .willReturn(okJson("{\"sys\":{\"id\":\"e1\",\"version\":6}}")));
        cms.stubFor(put(urlEqualTo(path + "/published")).withHeader("X-Contentful-Version", equalTo("6"))
                .willReturn(okJson("{\"sys\":{\"id\":\"e1\",\"version\":7}}")));
        ContentfulWriter writer = new ContentfulWriter(http, base(), "spc1", "master", "cma-token", "en-US",
                new WriteBack(Set.of("excerpt"), 0.5, "tags", "excerpt"), fresh());
        assertThat(writer.deliver(brief, new DeliveryContext("e1", null, null)).outcome()).isEqualTo(DeliveryResult.WRITTEN);
        LoggedRequest saved = cms.findAll(putRequestedFor(urlEqualTo(path))).get(0);
        assertThat(saved.getHeader("Authorization")).isEqualTo("Bearer cma-token");
        assertThat(saved.getHeader("Content-Type")).startsWith("application/vnd.contentful.management.v1+json");
        JsonNode fields = body(saved).get("fields");
        assertThat(fields.get("title").get("en-US").asText()).isEqualTo("Lighthouse to open");
        assertThat(fields.get("excerpt").get("en-US").asText()).isEqualTo(Excerpt.of(brief));
        assertThat(cms.findAll(putRequestedFor(urlEqualTo(path + "/published")))).hasSize(1);
    }

    @Test
    void sanityPatchesWithTheRevisionItRead() {
        cms.stubFor(get(urlPathEqualTo("/v2021-06-07/data/query/production")).willReturn(okJson(
                "{\"result\":{\"_id\":\"doc-1\",\"_rev\":\"rev-9\",\"tags\":[\"Heritage\"],\"excerpt\":null}}")));
        cms.stubFor(post(urlEqualTo("/v2021-06-07/data/mutate/production")).willReturn(okJson("{\"results\":[]}")));
        SanityWriter writer = new SanityWriter(http, base(), "production", "sanity-token", BOTH, fresh());
        assertThat(writer.deliver(brief, new DeliveryContext("doc-1", null, null)).outcome()).isEqualTo(DeliveryResult.WRITTEN);
        LoggedRequest query = cms.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/v2021-06-07/data/query/production"))).get(0);
        assertThat(query.queryParameter("$id").firstValue()).isEqualTo("\"doc-1\"");
        LoggedRequest mutate = cms.findAll(postRequestedFor(urlEqualTo("/v2021-06-07/data/mutate/production"))).get(0);
        assertThat(mutate.getHeader("Authorization")).isEqualTo("Bearer sanity-token");
        JsonNode patch = body(mutate).get("mutations").get(0).get("patch");
        assertThat(patch.get("id").asText()).isEqualTo("doc-1");
        assertThat(patch.get("ifRevisionID").asText()).isEqualTo("rev-9");
        assertThat(patch.get("set").get("tags").get(0).asText()).isEqualTo("Heritage");
        assertThat(patch.get("set").get("excerpt").asText()).isEqualTo(Excerpt.of(brief));
    }

    @Test
    void theUpdateWebhookOfItsOwnWriteWritesNothingEvenWhenTheReadIsStale() {
        cms.stubFor(get(urlEqualTo("/wp-json/wp/v2/posts/12?context=edit")).willReturn(okJson("{\"id\":12,\"tags\":[],\"excerpt\":{\"raw\":\"\"}}")));
        cms.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/tags")).willReturn(okJson("[]")));
        cms.stubFor(post(urlEqualTo("/wp-json/wp/v2/tags")).willReturn(okJson("{\"id\":5}")));
        cms.stubFor(post(urlEqualTo("/wp-json/wp/v2/posts/12")).willReturn(okJson("{\"id\":12}")));
        WordPressWriter writer = new WordPressWriter(http, base(), "editor", "pw", BOTH, fresh());
        assertThat(writer.deliver(brief, new DeliveryContext("12", null, null)).outcome()).isEqualTo(DeliveryResult.WRITTEN);
        // A cache in front of the REST API still serves the old post when the update webhook arrives.
        assertThat(writer.deliver(brief, new DeliveryContext("12", null, null)).outcome()).isEqualTo(DeliveryResult.UNCHANGED);
        assertThat(cms.findAll(postRequestedFor(urlEqualTo("/wp-json/wp/v2/posts/12")))).hasSize(1);
    }

    @Test
    void aFailingCmsIsReportedNotThrown() {
        cms.stubFor(get(urlEqualTo("/wp-json/wp/v2/posts/1?context=edit")).willReturn(aResponse().withStatus(401)));
        DeliveryResult result = new WordPressWriter(http, base(), "editor", "wrong", BOTH, fresh()).deliver(brief, new DeliveryContext("1", null, null));
        assertThat(result.outcome()).isEqualTo(DeliveryResult.FAILED);
        assertThat(result.detail()).contains("401").doesNotContain("wrong");
    }
}

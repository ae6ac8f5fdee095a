package dev.precis.ingest.cms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.Json;
import dev.precis.ingest.cms.contentful.ContentfulProfile;
import dev.precis.ingest.cms.generic.GenericProfile;
import dev.precis.ingest.cms.ghost.GhostProfile;
import dev.precis.ingest.cms.sanity.SanityProfile;
import dev.precis.ingest.cms.strapi.StrapiProfile;
import dev.precis.ingest.cms.wordpress.WordPressProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where each CMS keeps the article, what its events mean, and how structured bodies become paragraphs. */
class PayloadMappingTest {

    static JsonNode payload(String name) {
        try (InputStream in = PayloadMappingTest.class.getResourceAsStream("/cms/" + name)) {
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WebhookDelivery delivery(String cms, Map<String, String> headers) {
        return new WebhookDelivery(cms, "POST", "/v1/webhooks/" + cms, headers, new byte[0]);
    }

    private static CmsArticle map(CmsProfile profile, JsonNode payload, String siteUrl) {
        return PayloadMapper.map(profile, profile.defaults("en-US"), payload, siteUrl);
    }

    @Test
    void ghostPostsAreMappedAndOnlyPublishedOnesAnalyzed() {
        GhostProfile ghost = new GhostProfile();
        JsonNode published = payload("ghost-post-published.json");
        CmsArticle article = map(ghost, published, null);
        assertThat(article.id()).isEqualTo("65a1c0ffee0000000000beef");
        assertThat(article.title()).isEqualTo("Lake ferry adds a winter timetable");
        assertThat(article.url()).isEqualTo("https://lake-news.example/lake-ferry-winter-timetable/");
        assertThat(article.publishedAt()).isEqualTo("2026-11-20T07:30:00Z");
        assertThat(article.body().asText()).startsWith("<p>The ferry across Lake Orsova");
        assertThat(ghost.event(delivery("ghost", Map.of()), published, ghost.defaults("")).analyze()).isTrue();
        WebhookEvent draft = ghost.event(delivery("ghost", Map.of()), payload("ghost-post-draft.json"), ghost.defaults(""));
        assertThat(draft.analyze()).isFalse();
        assertThat(draft.reason()).contains("draft");
        assertThat(ghost.event(delivery("ghost", Map.of()), Json.parse("{\"post\":{\"current\":{},\"previous\":{\"id\":\"x\"}}}"),
                ghost.defaults("")).reason()).contains("deleted");
    }

    @Test
    void wordpressPostsAreMappedWithTheirGmtDate() {
        WordPressProfile wordpress = new WordPressProfile();
        JsonNode update = payload("wordpress-post-update.json");
        CmsArticle article = map(wordpress, update, null);
        assertThat(article.id()).isEqualTo("731");
        assertThat(article.url()).isEqualTo("https://coast-herald.example/2026/11/21/cape-brennock-lighthouse-opens/");
        assertThat(article.publishedAt()).isEqualTo("2026-11-21T13:15:00Z");
        assertThat(wordpress.event(delivery("wordpress", Map.of("X-WP-Webhook-Name", "post_update")), update,
                wordpress.defaults("")).analyze()).isTrue();
        assertThat(wordpress.event(delivery("wordpress", Map.of("X-WP-Webhook-Name", "post_trash")), update,
                wordpress.defaults("")).reason()).contains("deleted");
        JsonNode draft = Json.parse(update.toString().replace("\"publish\"", "\"draft\"").replace("2026-11-21 13:15:00", "0000-00-00 00:00:00"));
        assertThat(wordpress.event(delivery("wordpress", Map.of()), draft, wordpress.defaults("")).reason()).contains("draft");
        assertThat(map(wordpress, draft, null).publishedAt()).isNull();
    }

    @Test
    void contentfulFieldsAreReadInTheConfiguredLocaleAndOnlyPublishTopicsAnalyzed() {
        ContentfulProfile contentful = new ContentfulProfile();
        JsonNode entry = payload("contentful-entry-publish.json");
        CmsArticle article = map(contentful, entry, null);
        assertThat(article.id()).isEqualTo("4aTnq8Zk1mLpRw2XvYc9Bd");
        assertThat(article.title()).isEqualTo("Orchard growers test frost fans");
        assertThat(article.url()).isEqualTo("https://valley-post.example/2026/11/orchard-frost-fans");
        assertThat(article.publishedAt()).isEqualTo("2026-11-22T10:00:00+01:00");
        assertThat(RichText.paragraphs(article.body())).hasValue(List.of(
                "Apple growers in the Tamsin valley are testing tall fans that mix warmer air into the orchards on frosty spring nights.",
                "A cheaper way to save blossom",
                "Each fan protects about four hectares, said Ilse Morgen, who chairs the growers' cooperative.",
                "Twelve fans were installed this year.", "Each one costs about 40,000 euros.",
                "We lost half the crop two years ago in one night."));
        assertThat(contentful.event(delivery("contentful", Map.of("X-Contentful-Topic", "ContentManagement.Entry.publish")), entry,
                contentful.defaults("en-US")).analyze()).isTrue();
        assertThat(contentful.event(delivery("contentful", Map.of("X-Contentful-Topic", "ContentManagement.Entry.unpublish")), entry,
                contentful.defaults("en-US")).analyze()).isFalse();
        assertThat(map(contentful, entry, null).title()).isNotNull();
        assertThat(PayloadMapper.map(contentful, contentful.defaults("de-DE"), entry, null).title()).isNull();
    }

    @Test
    void sanityPortableTextKeepsHeadingsListsAndQuotesAsParagraphs() {
        SanityProfile sanity = new SanityProfile();
        JsonNode document = payload("sanity-document.json");
        CmsArticle article = map(sanity, document, "https://river-times.example/news/");
        assertThat(article.url()).isEqualTo("https://river-times.example/news/river-school-floating-classroom");
        assertThat(RichText.paragraphs(article.body())).hasValue(List.of(
                "A primary school on the Delin river opened a classroom on a converted barge this week, so pupils can study the river from the river.",
                "Lessons on the water", "Twenty pupils fit on board.",
                "The children see herons every morning, said head teacher Ada Ruiz."));
        assertThat(sanity.event(delivery("sanity", Map.of("sanity-operation", "update")), document, sanity.defaults("")).analyze()).isTrue();
        assertThat(sanity.event(delivery("sanity", Map.of("sanity-operation", "delete")), document, sanity.defaults("")).analyze()).isFalse();
        JsonNode draft = Json.parse(document.toString().replace("\"a9e3c2d1", "\"drafts.a9e3c2d1"));
        assertThat(sanity.event(delivery("sanity", Map.of()), draft, sanity.defaults("")).reason()).contains("draft");
    }

    @Test
    void strapiBlocksAndEventsInVersionsFourAndFive() {
        StrapiProfile strapi = new StrapiProfile();
        JsonNode published = payload("strapi5-entry-publish.json");
        CmsArticle article = map(strapi, published, "https://peaks.example/stories");
        assertThat(article.id()).isEqualTo("k3nq8v2zyw1xuo7p5rt6ea0s");
        assertThat(article.url()).isEqualTo("https://peaks.example/stories/mountain-rescue-second-drone");
        assertThat(article.language()).isEqualTo("en");
        assertThat(RichText.paragraphs(article.body())).hasValue(List.of(
                "The Alder Peaks mountain rescue team has bought a second thermal drone, which it says halves the time needed to find walkers lost after dark.",
                "Paid for by a bake sale", "The drone cost 18,000 euros.", "Donations came from 300 households.",
                "It flies in weather that grounds the helicopter, said team leader Jonas Weil."));
        assertThat(strapi.event(delivery("strapi", Map.of("X-Strapi-Event", "entry.publish")), published, strapi.defaults("")).analyze()).isTrue();
        JsonNode draft = payload("strapi5-entry-update-draft.json");
        assertThat(strapi.event(delivery("strapi", Map.of("X-Strapi-Event", "entry.update")), draft, strapi.defaults("")).reason())
                .contains("draft");
        assertThat(strapi.event(delivery("strapi", Map.of("X-Strapi-Event", "trigger-test")), draft, strapi.defaults("")).reason())
                .contains("test");
        CmsArticle version4 = map(strapi, payload("strapi4-entry-publish.json"), null);
        assertThat(version4.id()).isEqualTo("api::article.article:57");
        assertThat(version4.body().asText()).startsWith("The Hollin town brass band");
    }

    @Test
    void genericNeedsItsMappingAndHonoursAStatusField() {
        GenericProfile generic = new GenericProfile();
        FieldMap fields = generic.defaults("").withOverrides(Map.of("id", "/article/key", "title", "/article/headline",
                "body", "/article/text", "url", "/article/link", "publishedAt", "/article/date", "status", "/article/state"));
        JsonNode payload = payload("generic-article.json");
        CmsArticle article = PayloadMapper.map(generic, fields, payload, null);
        assertThat(article.id()).isEqualTo("story-2208");
        assertThat(article.title()).isEqualTo("Night market returns to the harbour");
        assertThat(generic.event(delivery("generic", Map.of()), payload, fields).analyze()).isTrue();
        JsonNode draft = Json.parse(payload.toString().replace("\"live\"", "\"Draft\""));
        assertThat(generic.event(delivery("generic", Map.of()), draft, fields).analyze()).isFalse();
        assertThatThrownBy(() -> fields.withOverrides(Map.of("bodyy", "/x"))).hasMessageContaining("unknown article field");
        assertThatThrownBy(() -> fields.withOverrides(Map.of("body", "no-slash"))).hasMessageContaining("JSON Pointer");
    }

    @Test
    void deeplyNestedRichTextDoesNotExhaustTheStack() {
        StringBuilder nested = new StringBuilder("{\"nodeType\":\"document\",\"content\":[");
        for (int i = 0; i < 450; i++) {
            nested.append("{\"nodeType\":\"blockquote\",\"content\":[");
        }
        nested.append("{\"nodeType\":\"paragraph\",\"content\":[{\"nodeType\":\"text\",\"value\":\"Deep.\"}]}");
        nested.append("]}".repeat(450)).append("]}");
        assertThat(RichText.paragraphs(Json.parse(nested.toString()))).hasValue(List.of("Deep."));
    }

    @Test
    void pagesAndCustomPostTypesKeepTheirKindForWriteBack() {
        GhostProfile ghost = new GhostProfile();
        assertThat(ghost.collection(null, Json.parse("{\"page\":{\"current\":{\"id\":\"g1\"}}}"))).isEqualTo("pages");
        assertThat(ghost.collection(null, Json.parse("{\"post\":{\"current\":{\"id\":\"g2\"}}}"))).isEqualTo("posts");
        WordPressProfile wordpress = new WordPressProfile();
        assertThat(wordpress.collection(null, Json.parse("{\"post\":{\"post_type\":\"page\"}}"))).isEqualTo("pages");
        assertThat(wordpress.collection(null, Json.parse("{\"post\":{\"post_type\":\"story\"}}"))).isEqualTo("story");
        assertThat(wordpress.collection(null, Json.parse("{\"post\":{\"post_type\":\"../users\"}}"))).isEqualTo("posts");
        assertThat(wordpress.collection("articles", Json.parse("{\"post\":{\"post_type\":\"page\"}}"))).isEqualTo("articles");
    }
}

package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.ApiEvents;
import dev.precis.SchemaAssert;
import dev.precis.api.Json;
import dev.precis.ingest.cms.TestSigner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import static dev.precis.function.LambdaClient.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CMS webhooks through the real Funqy handler and the mock event server: a signed delivery from each CMS
 * is analyzed, every refusal is a problem (401 for missing, wrong or stale signatures, 404 for a CMS that is
 * not enabled), and drafts are acknowledged with 202. Secrets come from configuration, as
 * {@code PRECIS_WEBHOOKS_<CMS>_SECRET} would set them.
 */
@QuarkusTest
@TestProfile(WebhookLambdaTest.Secrets.class)
class WebhookLambdaTest {

    static final Map<String, String> SECRETS = Map.of("ghost", "lambda-ghost-secret", "wordpress", "lambda-wp-secret",
            "contentful", "lambda-contentful-secret-0123456789abcdef0123456789abcdef0123", "sanity", "lambda-sanity-secret",
            "strapi", "lambda-strapi-token", "generic", "lambda-generic-secret");

    public static final class Secrets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            SECRETS.forEach((cms, secret) -> config.put("precis.webhooks." + cms + (cms.equals("strapi") ? ".token" : ".secret"), secret));
            config.put("precis.webhooks.generic.fields.body", "/article/text");
            config.put("precis.webhooks.generic.fields.title", "/article/headline");
            return config;
        }
    }

    private static byte[] payload(String name) {
        try (InputStream in = WebhookLambdaTest.class.getResourceAsStream("/cms/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> signed(String cms, byte[] body, String how) {
        long now = System.currentTimeMillis() - (how.equals("stale") ? 3_600_000 : 0);
        String secret = SECRETS.get(cms) + (how.equals("wrong") ? "x" : "");
        Map<String, String> headers = new HashMap<>(switch (cms) {
            case "ghost" -> TestSigner.ghost(secret, body, now);
            case "wordpress" -> TestSigner.wordpress(secret, body, "post_update");
            case "contentful" -> TestSigner.contentful(secret, "POST", "/v1/webhooks/contentful", body, now, "ContentManagement.Entry.publish");
            case "sanity" -> TestSigner.sanity(secret, body, now, "update");
            case "strapi" -> TestSigner.strapi(secret, body.length > 0 && new String(body).contains("entry.update") ? "entry.update" : "entry.publish");
            default -> TestSigner.generic(secret, body, now / 1000);
        });
        if (how.equals("missing")) {
            headers.keySet().removeIf(name -> name.toLowerCase().contains("signature") || name.equals("Authorization"));
        }
        return headers;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            "ghost, ghost-post-published.json, fresh, 200, Lake ferry adds a winter timetable",
            "ghost, ghost-post-published.json, wrong, 401, ",
            "ghost, ghost-post-published.json, stale, 401, ",
            "ghost, ghost-post-published.json, missing, 401, ",
            "ghost, ghost-post-draft.json, fresh, 202, ",
            "wordpress, wordpress-post-update.json, fresh, 200, Cape Brennock lighthouse to open to visitors",
            "wordpress, wordpress-post-update.json, wrong, 401, ",
            "wordpress, wordpress-post-update.json, missing, 401, ",
            "contentful, contentful-entry-publish.json, fresh, 200, Orchard growers test frost fans",
            "contentful, contentful-entry-publish.json, stale, 401, ",
            "contentful, contentful-entry-publish.json, missing, 401, ",
            "sanity, sanity-document.json, fresh, 200, River school opens a floating classroom",
            "sanity, sanity-document.json, wrong, 401, ",
            "sanity, sanity-document.json, stale, 401, ",
            "strapi, strapi5-entry-publish.json, fresh, 200, Mountain rescue gets a second drone",
            "strapi, strapi4-entry-publish.json, fresh, 200, Town band wins regional title",
            "strapi, strapi5-entry-update-draft.json, fresh, 202, ",
            "strapi, strapi5-entry-publish.json, wrong, 401, ",
            "strapi, strapi5-entry-publish.json, missing, 401, ",
            "generic, generic-article.json, fresh, 200, Night market returns to the harbour",
            "generic, generic-article.json, stale, 401, "})
    void eachCmsAndEachRefusal(String cms, String file, String how, int status, String title) {
        byte[] body = payload(file);
        boolean base64 = cms.equals("contentful");
        JsonNode response = invoke(ApiEvents.httpApi("POST", "/v1/webhooks/" + cms, signed(cms, body, how), body, base64));
        assertThat(response.get("statusCode").asInt()).as(response.get("body").asText()).isEqualTo(status);
        JsonNode answer = Json.parse(response.get("body").asText());
        switch (status) {
            case 200 -> {
                assertThat(answer.get("status").asText()).isEqualTo("analyzed");
                assertThat(answer.get("brief").get("title").asText()).isEqualTo(title);
                SchemaAssert.assertValidBrief(answer.get("brief"));
            }
            case 202 -> assertThat(answer.get("status").asText()).isEqualTo("ignored");
            default -> {
                assertThat(response.get("headers").get("content-type").asText()).isEqualTo("application/problem+json");
                assertThat(answer.get("type").asText()).isEqualTo("urn:precis:problem:unauthorized");
                assertThat(answer.get("detail").asText()).contains(how.equals("fresh") ? "" : how.equals("stale") ? "stale"
                        : how.equals("missing") ? "missing" : "wrong").doesNotContain(SECRETS.get(cms));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"drupal", "Ghost2", "webflow"})
    void aCmsThatIsNotEnabledIs404(String cms) {
        JsonNode response = invoke(ApiEvents.httpApi("POST", "/v1/webhooks/" + cms, Map.of("content-type", "application/json"),
                "{}".getBytes(), false));
        assertThat(response.get("statusCode").asInt()).isEqualTo(404);
    }
}

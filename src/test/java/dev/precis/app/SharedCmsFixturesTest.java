package dev.precis.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.ApiEvents;
import dev.precis.SharedData;
import dev.precis.api.Json;
import dev.precis.config.Wiring;
import dev.precis.function.EventDispatcher;
import dev.precis.function.LambdaEvent;
import dev.precis.ingest.cms.TestSigner;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real-shaped deliveries in ../shared/cms (read from there, never copied), re-signed with the current
 * time and the test secrets of ../shared/cms/secrets.json, as a deployment configured with those secrets
 * would receive them. Skipped when ../shared is not beside the repository.
 */
class SharedCmsFixturesTest {

    private static EventDispatcher dispatcher;
    private static JsonNode secrets;

    @BeforeAll
    static void wire() throws IOException {
        Path file = Path.of("..", "shared", "cms", "secrets.json");
        if (!Files.isRegularFile(file)) {
            return;
        }
        secrets = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        Map<String, String> config = new HashMap<>();
        config.put("precis.webhooks.ghost.secret", secrets.at("/ghost/secret").asText());
        config.put("precis.webhooks.wordpress.secret", secrets.at("/wordpress/secret").asText());
        config.put("precis.webhooks.contentful.secret", secrets.at("/contentful/secret").asText());
        config.put("precis.webhooks.sanity.secret", secrets.at("/sanity/secret").asText());
        config.put("precis.webhooks.strapi.token", secrets.at("/strapi/token").asText());
        dispatcher = new Wiring(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(config, "test", 500)).build(),
                () -> AppFixture.VERTX).dispatcher();
    }

    private static JsonNode send(String cms, Map<String, String> headers, byte[] body, boolean base64) {
        return dispatcher.dispatch(LambdaEvent.of(ApiEvents.httpApi("POST", "/v1/webhooks/" + cms, headers, body, base64))).response();
    }

    /** The fixture's headers (minus its old signature) plus a fresh one. */
    private static Map<String, String> resigned(String cms, JsonNode request, byte[] body, String how) {
        Map<String, String> headers = new HashMap<>();
        request.get("headers").fields().forEachRemaining(h -> headers.put(h.getKey().toLowerCase(), h.getValue().asText()));
        long now = System.currentTimeMillis();
        long when = how.equals("stale") ? now - 3_600_000 : now;
        String secret = cms.equals("strapi") ? secrets.at("/strapi/token").asText() : secrets.at("/" + cms + "/secret").asText();
        if (how.equals("wrong")) {
            secret = secret + "-not";
        }
        Map<String, String> fresh = switch (cms) {
            case "ghost" -> TestSigner.ghost(secret, body, when);
            case "wordpress" -> TestSigner.wordpress(secret, body, headers.get("x-wp-webhook-name"));
            case "sanity" -> TestSigner.sanity(secret, body, when, headers.get("sanity-operation"));
            case "strapi" -> TestSigner.strapi(secret, headers.get("x-strapi-event"));
            case "contentful" -> TestSigner.contentful(secret, "POST", "/v1/webhooks/contentful", body, when,
                    headers.get("x-contentful-topic"));
            default -> throw new AssertionError(cms);
        };
        headers.keySet().removeIf(name -> name.contains("signature") || name.startsWith("x-contentful-signed")
                || name.equals("x-contentful-timestamp") || name.equals("authorization"));
        fresh.forEach((name, value) -> headers.put(name.toLowerCase(), value));
        if (how.equals("missing")) {
            headers.keySet().removeIf(name -> name.contains("signature") || name.equals("authorization"));
        }
        return headers;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "ghost/post-published, fresh, 200", "ghost/post-published, wrong, 401", "ghost/post-published, stale, 401",
            "ghost/post-published, missing, 401",
            "wordpress/post-update-published, fresh, 200", "wordpress/post-update-published, wrong, 401",
            "wordpress/post-update-published, missing, 401",
            "contentful/entry-publish, fresh, 200", "contentful/entry-publish, stale, 401",
            "sanity/document-update, fresh, 200", "sanity/document-update, wrong, 401",
            "strapi/v5-entry-publish, fresh, 200", "strapi/v4-entry-publish, fresh, 200", "strapi/v5-entry-publish, missing, 401",
            "strapi/v5-entry-update-draft, fresh, 202"})
    void sharedDeliveriesGetTheAnswerSpecElevenGives(String fixture, String how, int status) throws IOException {
        Path requestFile = SharedData.require("cms/" + fixture + ".request.json");
        JsonNode request = Json.parse(Files.readString(requestFile, StandardCharsets.UTF_8));
        byte[] body = Files.readAllBytes(SharedData.require("cms/" + fixture + ".body.json"));
        String cms = fixture.substring(0, fixture.indexOf('/'));
        boolean base64 = cms.equals("contentful");
        JsonNode response = send(cms, resigned(cms, request, body, how), body, base64);
        assertThat(response.get("statusCode").asInt()).as(response.get("body").asText()).isEqualTo(status);
        JsonNode answer = Json.parse(response.get("body").asText());
        if (status == 200) {
            String title = Json.parse(new String(body, StandardCharsets.UTF_8)).at(switch (cms) {
                case "ghost" -> "/post/current/title";
                case "wordpress" -> "/post/post_title";
                case "contentful" -> "/fields/title/en-US";
                case "strapi" -> "/entry/title";
                default -> "/title";
            }).asText();
            assertThat(answer.get("brief").get("title").asText()).isEqualTo(title);
        } else if (status == 401) {
            assertThat(answer.get("type").asText()).isEqualTo("urn:precis:problem:unauthorized");
            assertThat(answer.toString()).doesNotContain(secrets.toString().substring(0, 10));
        } else {
            assertThat(answer.get("status").asText()).isEqualTo("ignored");
        }
    }

    @ParameterizedTest
    @CsvSource({"drupal", "joomla"})
    void aCmsThatIsNotEnabledIs404(String cms) {
        SharedData.require("cms/secrets.json");
        JsonNode response = send(cms, Map.of("content-type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8), false);
        assertThat(response.get("statusCode").asInt()).isEqualTo(404);
    }
}

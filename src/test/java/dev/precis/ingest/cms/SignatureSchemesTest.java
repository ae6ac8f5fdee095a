package dev.precis.ingest.cms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.SharedData;
import dev.precis.api.Json;
import dev.precis.api.Problem;
import dev.precis.api.ProblemException;
import dev.precis.ingest.cms.contentful.ContentfulSignature;
import dev.precis.ingest.cms.generic.PrecisSignatureScheme;
import dev.precis.ingest.cms.ghost.GhostSignature;
import dev.precis.ingest.cms.sanity.SanitySignature;
import dev.precis.ingest.cms.strapi.StrapiToken;
import dev.precis.ingest.cms.wordpress.WordPressSignature;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each sender's scheme over raw bytes: the worked examples verify; tampering, staleness and absence do not. */
class SignatureSchemesTest {

    private static final Duration TOLERANCE = Duration.ofSeconds(300);
    private static final String SECRET = "a test secret written for these tests";
    private static final byte[] BODY = "{\"title\":\"Quay café reopens\",\"path\":\"a\\/b\"}".getBytes(StandardCharsets.UTF_8);
    private static final long NOW_MS = 1_800_000_000_000L;
    private static final Instant NOW = Instant.ofEpochMilli(NOW_MS);

    private static WebhookDelivery delivery(String cms, Map<String, String> headers, byte[] body) {
        return new WebhookDelivery(cms, "POST", "/v1/webhooks/" + cms, headers, body);
    }

    private static Problem refusal(SignatureScheme scheme, WebhookDelivery delivery, Instant now) {
        return catchThrowableOfType(ProblemException.class, () -> scheme.verify(delivery, SECRET, now, TOLERANCE)).problem();
    }

    private static void assertRefused(SignatureScheme scheme, WebhookDelivery delivery, Instant now, String reason) {
        Problem problem = refusal(scheme, delivery, now);
        assertThat(problem.status()).isEqualTo(401);
        assertThat(problem.type()).isEqualTo("urn:precis:problem:unauthorized");
        assertThat(problem.detail()).contains(reason).doesNotContain(SECRET);
    }

    @Test
    void theWorkedExamplesOfEachSenderVerify() throws IOException {
        JsonNode examples = Json.parse(Files.readString(SharedData.require("cms/signature-examples.json"), StandardCharsets.UTF_8));
        int checked = 0;
        for (JsonNode example : examples.get("examples")) {
            String cms = example.get("cms").asText();
            byte[] body = example.get("payload").asText().getBytes(StandardCharsets.UTF_8);
            String secret = example.get("secret").asText();
            Instant at = example.has("timestamp") ? Instant.ofEpochMilli(example.get("timestamp").asLong()) : NOW;
            Map<String, String> headers = new HashMap<>();
            SignatureScheme scheme = switch (cms) {
                case "ghost" -> {
                    headers.put("X-Ghost-Signature", example.get("header").asText());
                    yield new GhostSignature();
                }
                case "wordpress" -> {
                    headers.put("X-WP-Webhook-Signature", example.get("header").asText());
                    yield new WordPressSignature();
                }
                case "sanity" -> {
                    headers.put("sanity-webhook-signature", example.get("header").asText());
                    yield new SanitySignature();
                }
                case "contentful" -> {
                    headers.put("x-contentful-signature", example.get("header").asText());
                    headers.put("x-contentful-signed-headers", example.get("signedHeadersValue").asText());
                    headers.put("x-contentful-timestamp", example.get("timestamp").asText());
                    example.get("signedHeaders").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
                    yield new ContentfulSignature();
                }
                default -> throw new AssertionError("no scheme for " + cms);
            };
            String path = example.has("path") ? example.get("path").asText() : "/v1/webhooks/" + cms;
            WebhookDelivery delivery = new WebhookDelivery(cms, "POST", path, headers, body);
            assertThatCode(() -> scheme.verify(delivery, secret, at, TOLERANCE)).as(cms).doesNotThrowAnyException();
            byte[] tampered = body.clone();
            tampered[tampered.length / 2] ^= 1;
            WebhookDelivery changed = new WebhookDelivery(cms, "POST", path, headers, tampered);
            assertThat(catchThrowableOfType(ProblemException.class, () -> scheme.verify(changed, secret, at, TOLERANCE))
                    .problem().status()).as(cms).isEqualTo(401);
            checked++;
        }
        assertThat(checked).isEqualTo(4);
    }

    @Test
    void ghostRefusesTamperedStaleFutureAndMissing() {
        GhostSignature scheme = new GhostSignature();
        assertThatCode(() -> scheme.verify(delivery("ghost", TestSigner.ghost(SECRET, BODY, NOW_MS), BODY), SECRET, NOW, TOLERANCE))
                .doesNotThrowAnyException();
        assertRefused(scheme, delivery("ghost", TestSigner.ghost(SECRET, BODY, NOW_MS), "{\"title\":\"x\"}".getBytes()), NOW, "wrong");
        assertRefused(scheme, delivery("ghost", TestSigner.ghost(SECRET, BODY, NOW_MS - 301_000), BODY), NOW, "stale");
        assertRefused(scheme, delivery("ghost", TestSigner.ghost(SECRET, BODY, NOW_MS + 301_000), BODY), NOW, "stale");
        assertRefused(scheme, delivery("ghost", Map.of(), BODY), NOW, "missing");
        assertRefused(scheme, delivery("ghost", Map.of("X-Ghost-Signature", "sha256=abc"), BODY), NOW, "wrong");
        assertRefused(scheme, delivery("ghost", TestSigner.ghost("another secret", BODY, NOW_MS), BODY), NOW, "wrong");
    }

    @Test
    void wordpressSignsTheRawBytesAndHasNoWindow() {
        WordPressSignature scheme = new WordPressSignature();
        Map<String, String> headers = TestSigner.wordpress(SECRET, BODY, "post_update");
        assertThatCode(() -> scheme.verify(delivery("wordpress", headers, BODY), SECRET, NOW.plus(Duration.ofDays(400)), TOLERANCE))
                .doesNotThrowAnyException();
        byte[] reserialized = new String(BODY, StandardCharsets.UTF_8).replace("\\/", "/").getBytes(StandardCharsets.UTF_8);
        assertRefused(scheme, delivery("wordpress", headers, reserialized), NOW, "wrong");
        assertRefused(scheme, delivery("wordpress", Map.of(), BODY), NOW, "missing");
        Map<String, String> woo = Map.of("X-WC-Webhook-Signature", headers.get("X-WP-Webhook-Signature"));
        assertThatCode(() -> scheme.verify(delivery("wordpress", woo, BODY), SECRET, NOW, TOLERANCE)).doesNotThrowAnyException();
    }

    @Test
    void contentfulSignsMethodPathHeadersAndBody() {
        ContentfulSignature scheme = new ContentfulSignature();
        Map<String, String> headers = TestSigner.contentful(SECRET, "POST", "/v1/webhooks/contentful", BODY, NOW_MS,
                "ContentManagement.Entry.publish");
        assertThatCode(() -> scheme.verify(delivery("contentful", headers, BODY), SECRET, NOW, TOLERANCE)).doesNotThrowAnyException();
        Map<String, String> otherTopic = new HashMap<>(headers);
        otherTopic.put("x-contentful-topic", "ContentManagement.Entry.delete");
        assertRefused(scheme, delivery("contentful", otherTopic, BODY), NOW, "wrong");
        WebhookDelivery otherPath = new WebhookDelivery("contentful", "POST", "/prod/v1/webhooks/contentful", headers, BODY);
        assertRefused(scheme, otherPath, NOW, "wrong");
        assertRefused(scheme, delivery("contentful", headers, BODY), NOW.plus(Duration.ofMinutes(10)), "stale");
        Map<String, String> unsignedTime = new HashMap<>(headers);
        unsignedTime.put("x-contentful-signed-headers", "x-contentful-signed-headers,x-contentful-topic");
        assertRefused(scheme, delivery("contentful", unsignedTime, BODY), NOW, "must cover the timestamp");
        assertRefused(scheme, delivery("contentful", Map.of(), BODY), NOW, "missing");
    }

    @Test
    void contentfulEscapesAQueryStringAsItsToolkitDoes() {
        assertThat(ContentfulSignature.canonicalPath("/hook?a=1&b=x y")).isEqualTo("/hook?a%253D1%2526b%253Dx%2520y");
        assertThat(ContentfulSignature.canonicalPath("/v1/webhooks/contentful")).isEqualTo("/v1/webhooks/contentful");
    }

    @Test
    void sanityRefusesTamperedStaleAndMissing() {
        SanitySignature scheme = new SanitySignature();
        assertThatCode(() -> scheme.verify(delivery("sanity", TestSigner.sanity(SECRET, BODY, NOW_MS, "update"), BODY), SECRET, NOW,
                TOLERANCE)).doesNotThrowAnyException();
        assertRefused(scheme, delivery("sanity", TestSigner.sanity(SECRET, BODY, NOW_MS, "update"), new byte[] {'{', '}'}), NOW, "wrong");
        assertRefused(scheme, delivery("sanity", TestSigner.sanity(SECRET, BODY, NOW_MS - 900_000, "update"), BODY), NOW, "stale");
        assertRefused(scheme, delivery("sanity", Map.of("sanity-webhook-signature", "v1=abc"), BODY), NOW, "wrong");
        assertRefused(scheme, delivery("sanity", Map.of(), BODY), NOW, "missing");
    }

    @Test
    void strapiComparesItsStaticToken() {
        StrapiToken scheme = new StrapiToken();
        assertThatCode(() -> scheme.verify(delivery("strapi", TestSigner.strapi(SECRET, "entry.publish"), BODY), SECRET, NOW, TOLERANCE))
                .doesNotThrowAnyException();
        assertRefused(scheme, delivery("strapi", TestSigner.strapi("guess", "entry.publish"), BODY), NOW, "wrong");
        assertRefused(scheme, delivery("strapi", Map.of("X-Strapi-Event", "entry.publish"), BODY), NOW, "missing");
    }

    @Test
    void theGenericSchemeUsesUnixSeconds() {
        PrecisSignatureScheme scheme = new PrecisSignatureScheme();
        long seconds = NOW_MS / 1000;
        assertThatCode(() -> scheme.verify(delivery("generic", TestSigner.generic(SECRET, BODY, seconds), BODY), SECRET, NOW, TOLERANCE))
                .doesNotThrowAnyException();
        assertRefused(scheme, delivery("generic", TestSigner.generic(SECRET, BODY, seconds - 400), BODY), NOW, "stale");
        assertRefused(scheme, delivery("generic", TestSigner.generic(SECRET, BODY, seconds), "{}".getBytes()), NOW, "wrong");
        assertRefused(scheme, delivery("generic", Map.of("Precis-Signature", "t=1"), BODY), NOW, "wrong");
    }
}

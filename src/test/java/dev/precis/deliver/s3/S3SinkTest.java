package dev.precis.deliver.s3;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import dev.precis.api.ArticleOptions;
import dev.precis.api.ArticleRequest;
import dev.precis.api.Brief;
import dev.precis.api.Format;
import dev.precis.api.Json;
import dev.precis.deliver.DeliveryContext;
import dev.precis.deliver.DeliveryResult;
import dev.precis.engine.EngineFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The S3 sink against S3Mock: idempotent keys by publication date, id and content hash, encrypted objects. */
class S3SinkTest {

    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false)
            .withProperty("logging.config", "").withProperty("spring.main.banner-mode", "off").build();

    private static S3Client s3;

    @BeforeAll
    static void client() {
        s3 = S3Client.builder()
                .endpointOverride(URI.create("http://localhost:" + S3_MOCK.getHttpPort()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        s3.createBucket(request -> request.bucket("briefs"));
    }

    private static Brief brief(String id, String publishedAt, String text) {
        Brief brief = EngineFixture.ENGINE.analyze(new ArticleRequest(id, null, text, Format.TEXT, null, null, publishedAt,
                ArticleOptions.defaults()));
        return publishedAt == null ? brief : brief.withSource(new Brief.Source(null, null, null, null, publishedAt, null, null,
                null, null, null, null, null));
    }

    @Test
    void oneEncryptedObjectPerArticleAtItsIdempotentKey() {
        S3Sink sink = new S3Sink(s3, "briefs", "precis/briefs", null, Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
        Brief brief = brief("story/42", "2026-11-28T23:30:00-05:00", "The ferry resumed service on Monday. Passengers cheered.");
        DeliveryResult first = sink.deliver(brief, new DeliveryContext("story/42", null, null));
        DeliveryResult again = sink.deliver(brief, new DeliveryContext("story/42", null, null));
        String hash = brief.contentHash().substring("sha256:".length());
        String key = "precis/briefs/2026/11/29/story%2F42/" + hash + ".json";
        assertThat(first.outcome()).isEqualTo(DeliveryResult.DELIVERED);
        assertThat(first.detail()).isEqualTo("s3://briefs/" + key);
        assertThat(again.detail()).isEqualTo(first.detail());
        ListObjectsV2Response listing = s3.listObjectsV2(request -> request.bucket("briefs").prefix("precis/briefs/2026/11/29/"));
        assertThat(listing.contents()).hasSize(1);
        HeadObjectResponse head = s3.headObject(request -> request.bucket("briefs").key(key));
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(head.contentType()).isEqualTo("application/json");
        String stored = s3.getObjectAsBytes(request -> request.bucket("briefs").key(key)).asString(StandardCharsets.UTF_8);
        assertThat(Json.parse(stored).get("contentHash").asText()).isEqualTo(brief.contentHash());
    }

    @Test
    void anArticleWithoutADateGoesUnderTheDayItWasAnalyzed() {
        S3Sink sink = new S3Sink(s3, "briefs", "", null, Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC));
        Brief brief = brief(null, null, "A short text without a date about a bridge that reopened.");
        String key = sink.key(brief, new DeliveryContext(null, null, null));
        assertThat(key).startsWith("2026/12/02/").endsWith(brief.contentHash().substring(7) + ".json");
    }

    @Test
    void aRefusedWriteIsReportedNotThrown() {
        S3Sink sink = new S3Sink(s3, "no-such-bucket", "x", null, Clock.systemUTC());
        DeliveryResult result = sink.deliver(brief("a", null, "Words about the harbour and its new crane."),
                new DeliveryContext("a", null, null));
        assertThat(result.outcome()).isEqualTo(DeliveryResult.FAILED);
    }
}

package dev.precis.deliver.callback;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.precis.api.Brief;
import dev.precis.app.AppFixture;
import dev.precis.deliver.DeliveryContext;
import dev.precis.deliver.DeliveryResult;
import dev.precis.engine.EngineFixture;
import dev.precis.ingest.cms.WebhookDelivery;
import dev.precis.ingest.cms.generic.PrecisSignatureScheme;
import dev.precis.ingest.fetch.FetchSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The signed callback against a real receiver: signature, idempotency key, retries, backoff, Retry-After. */
class SignedCallbackTest {

    private static final String SECRET = "callback secret for tests";
    private static WireMockServer receiver;
    private static Brief brief;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeAll
    static void start() {
        receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
        brief = EngineFixture.analyze("Ferry timetable", "The winter ferry timetable starts on Monday. Boats leave every two hours.");
    }

    @AfterAll
    static void stop() {
        receiver.stop();
    }

    @BeforeEach
    void reset() {
        receiver.resetAll();
        waits.clear();
    }

    private SignedCallback callback(String url, FetchSettings settings) {
        return new SignedCallback(AppFixture.client(settings), URI.create(url), SECRET, Duration.ofSeconds(20),
                Clock.systemUTC(), new Random(7), waits::add);
    }

    private SignedCallback callback() {
        return callback("http://127.0.0.1:" + receiver.port() + "/hooks/brief", AppFixture.loopback(Duration.ofSeconds(5)));
    }

    private static List<LoggedRequest> received() {
        return receiver.findAll(postRequestedFor(urlEqualTo("/hooks/brief")));
    }

    @Test
    void retriesServerErrorsWithBackoffAndSignsEachAttempt() {
        receiver.stubFor(post("/hooks/brief").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        receiver.stubFor(post("/hooks/brief").inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("third"));
        receiver.stubFor(post("/hooks/brief").inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(202)));
        DeliveryResult result = callback().deliver(brief, new DeliveryContext("item-1", null, null));
        assertThat(result.outcome()).isEqualTo(DeliveryResult.DELIVERED);
        assertThat(result.detail()).contains("after 3 attempts");
        List<LoggedRequest> attempts = received();
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(r -> r.getHeader("Precis-Delivery-Id")).containsOnly(attempts.get(0).getHeader("Precis-Delivery-Id"));
        assertThat(attempts.get(0).getHeader("Idempotency-Key")).isEqualTo("item-1:" + brief.contentHash());
        assertThat(waits).hasSize(2).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(4)));
        for (LoggedRequest attempt : attempts) {
            WebhookDelivery asReceived = new WebhookDelivery("generic", "POST", "/hooks/brief",
                    Map.of("Precis-Signature", attempt.getHeader("Precis-Signature")), attempt.getBody());
            assertThatCode(() -> new PrecisSignatureScheme().verify(asReceived, SECRET, java.time.Instant.now(), Duration.ofMinutes(1)))
                    .doesNotThrowAnyException();
        }
        assertThat(new String(attempts.get(0).getBody(), StandardCharsets.UTF_8)).contains(brief.contentHash());
    }

    @Test
    void honoursRetryAfterOnTooManyRequests() {
        receiver.stubFor(post("/hooks/brief").inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("free"));
        receiver.stubFor(post("/hooks/brief").inScenario("busy").whenScenarioStateIs("free").willReturn(aResponse().withStatus(200)));
        assertThat(callback().deliver(brief, new DeliveryContext("item-2", null, null)).outcome()).isEqualTo(DeliveryResult.DELIVERED);
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void givesUpAfterThreeRetriesAndDoesNotRetryClientErrors() {
        receiver.stubFor(post("/hooks/brief").willReturn(aResponse().withStatus(502)));
        DeliveryResult exhausted = callback().deliver(brief, new DeliveryContext("item-3", null, null));
        assertThat(exhausted.outcome()).isEqualTo(DeliveryResult.FAILED);
        assertThat(received()).hasSize(1 + SignedCallback.MAX_RETRIES);
        receiver.resetAll();
        receiver.stubFor(post("/hooks/brief").willReturn(aResponse().withStatus(400)));
        assertThat(callback().deliver(brief, new DeliveryContext("item-3", null, null)).detail()).contains("not retried");
        assertThat(received()).hasSize(1);
    }

    @Test
    void theCallbackAddressIsHeldToTheFetchRules() {
        SignedCallback toMetadata = callback("http://169.254.169.254/latest/", FetchSettings.defaults("precis-test"));
        DeliveryResult result = toMetadata.deliver(brief, new DeliveryContext("item-4", null, null));
        assertThat(result.outcome()).isEqualTo(DeliveryResult.FAILED);
        assertThat(result.detail()).contains("link-local");
        assertThat(waits).isEmpty();
    }
}

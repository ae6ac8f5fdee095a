package dev.precis.app;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.precis.SchemaAssert;
import dev.precis.api.ArticleOptions;
import dev.precis.api.ArticleRequest;
import dev.precis.api.Brief;
import dev.precis.api.Format;
import dev.precis.api.Problem;
import dev.precis.api.ProblemException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Requests by URL and HTML bodies through the application flow, with WireMock as the origin. */
public class BriefServiceTest {

    public static final String PAGE = """
            <!doctype html><html lang="en"><head>
            <title>Night buses return | Valley Courier</title>
            <meta property="og:title" content="Night buses return to the valley">
            <meta property="og:site_name" content="Valley Courier">
            <meta property="article:published_time" content="2026-10-04T06:15:00Z">
            <meta name="author" content="Petra Lindqvist">
            </head><body>
            <nav><a href="/">Home</a> <a href="/travel">Travel</a></nav>
            <article><h1>Night buses return to the valley</h1>
            <p>Night buses will run between Ashby and the valley towns again from November, the transport board said on Friday.</p>
            <p>The service was cut three years ago when fuel costs rose, leaving shift workers at the hospital without a way home.</p>
            <p>Board chair Samuel Otieno said the route would be reviewed after six months.</p>
            </article>
            <div class="related"><a href="/r">Road closures this weekend across the valley</a></div>
            </body></html>""";

    private static WireMockServer origin;
    private static BriefService service;

    @BeforeAll
    static void start() {
        origin = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        origin.start();
        origin.stubFor(get("/buses").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(PAGE)));
        origin.stubFor(get("/empty").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html><body><script>x()</script></body></html>")));
        service = AppFixture.briefs(AppFixture.loopback(Duration.ofSeconds(3)));
    }

    @AfterAll
    static void stop() {
        origin.stop();
    }

    private static ArticleRequest byUrl(String path, String title) {
        return new ArticleRequest("bus-1", title, null, Format.AUTO, "http://127.0.0.1:" + origin.port() + path, null, null,
                new ArticleOptions(2, 2, 5, "embedded", true));
    }

    @Test
    void aUrlAloneIsFetchedAndTheBriefCarriesThePagesMetadata() {
        Brief brief = service.analyze(byUrl("/buses", null));
        SchemaAssert.assertValidBrief(brief);
        assertThat(brief.title()).isEqualTo("Night buses return to the valley");
        assertThat(brief.text()).startsWith("Night buses will run between Ashby").doesNotContain("Road closures", "Home");
        Brief.Source source = brief.source();
        assertThat(source.url()).isEqualTo("http://127.0.0.1:" + origin.port() + "/buses");
        assertThat(source.publishedAt()).isEqualTo("2026-10-04T06:15:00Z");
        assertThat(source.siteName()).isEqualTo("Valley Courier");
        assertThat(source.authors()).containsExactly("Petra Lindqvist");
        assertThat(source.httpStatus()).isEqualTo(200);
        assertThat(source.contentType()).isEqualTo("text/html");
        assertThat(source.fetchedAt()).isNotNull();
        assertThat(source.language()).isEqualTo("en");
    }

    @Test
    void theRequestsOwnFieldsWinOverThePage() {
        ArticleRequest request = byUrl("/buses", "Buses are back");
        request = new ArticleRequest(request.id(), request.title(), null, Format.AUTO, request.url(), null,
                "2026-10-05T00:00:00Z", request.options());
        Brief brief = service.analyze(request);
        assertThat(brief.title()).isEqualTo("Buses are back");
        assertThat(brief.source().publishedAt()).isEqualTo("2026-10-05T00:00:00Z");
    }

    @Test
    void aPostedWholePageIsExtractedLikeAFetchedOne() {
        Brief brief = service.analyze(new ArticleRequest(null, null, PAGE, Format.AUTO, null, null, null,
                new ArticleOptions(2, 2, 5, "embedded", true)));
        assertThat(brief.title()).isEqualTo("Night buses return to the valley");
        assertThat(brief.text()).startsWith("Night buses will run").doesNotContain("Road closures");
        assertThat(brief.source().siteName()).isEqualTo("Valley Courier");
        assertThat(brief.source().fetchedAt()).isNull();
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 2, unit = java.util.concurrent.TimeUnit.SECONDS)
    void aFetchedPageOfFiveMegabytesIsCutAndStillAnswersQuickly() {
        String huge = "<html><body><article><p>" + "Tide tables for the week ahead, harbour by harbour. ".repeat(110_000)
                + "</p></article></body></html>";
        origin.stubFor(get("/huge").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(huge)));
        Problem problem = catchThrowableOfType(ProblemException.class, () -> service.analyze(byUrl("/huge", null))).problem();
        assertThat(problem.status()).isEqualTo(413);
        assertThat(problem.errors().get(0).field()).isEqualTo("/url");
    }

    @Test
    void plainTextHasNoSource() {
        Brief brief = service.analyze(ArticleRequest.ofBody("The ferry left on time. Passengers cheered.", Format.TEXT));
        assertThat(brief.source()).isNull();
    }

    @Test
    void aPageWithoutArticleTextIs422OnTheUrl() {
        Problem problem = catchThrowableOfType(ProblemException.class, () -> service.analyze(byUrl("/empty", null))).problem();
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.errors().get(0).field()).isEqualTo("/url");
    }

    @Test
    void aLongAutoBodyThatIsNotHtmlIs413() {
        String text = "The river rose. ".repeat(13_000);
        Problem problem = catchThrowableOfType(ProblemException.class,
                () -> service.analyze(ArticleRequest.ofBody(text, Format.AUTO))).problem();
        assertThat(problem.status()).isEqualTo(413);
        assertThat(problem.errors().get(0).field()).isEqualTo("/body");
    }

    @Test
    void htmlMayBeLongerThanTextButTheArticleInItMayNot() {
        String padded = "<html><body><!--" + "x".repeat(300_000) + "--><p>Short story about a tide gauge, told in one line.</p></body></html>";
        assertThat(service.analyze(ArticleRequest.ofBody(padded, Format.AUTO)).stats().words()).isEqualTo(10);
        String huge = "<html><body><p>" + "The river rose again. ".repeat(10_000) + "</p></body></html>";
        Problem problem = catchThrowableOfType(ProblemException.class,
                () -> service.analyze(ArticleRequest.ofBody(huge, Format.HTML))).problem();
        assertThat(problem.status()).isEqualTo(413);
        assertThat(problem.errors().get(0).message()).contains("found in the html");
    }
}

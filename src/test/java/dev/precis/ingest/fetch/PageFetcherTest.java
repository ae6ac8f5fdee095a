package dev.precis.ingest.fetch;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.precis.api.Problem;
import dev.precis.api.ProblemException;
import dev.precis.app.AppFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The fetcher against a real HTTP origin (WireMock on loopback, allow-listed as a deployment would). */
class PageFetcherTest {

    private static final String PAGE = "<html><head><title>Ferry timetable</title></head><body><p>The winter ferry "
            + "timetable starts on Monday.</p></body></html>";
    private static WireMockServer origin;
    private static PageFetcher fetcher;

    @BeforeAll
    static void startOrigin() {
        origin = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
        origin.start();
        FetchSettings settings = AppFixture.loopback(Duration.ofSeconds(2));
        fetcher = new PageFetcher(AppFixture.client(settings), settings);
    }

    @AfterAll
    static void stopOrigin() {
        origin.stop();
    }

    @BeforeEach
    void reset() {
        origin.resetAll();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + origin.port() + path;
    }

    private static Problem problem(PageFetcher using, String url) {
        return catchThrowableOfType(ProblemException.class, () -> using.fetch(url)).problem();
    }

    private static Problem problem(String url) {
        return problem(fetcher, url);
    }

    @Test
    void fetchesAPageAndSaysWhoAsked() {
        origin.stubFor(get("/a.html").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(PAGE)));
        FetchedPage page = fetcher.fetch(url("/a.html"));
        assertThat(page.text()).isEqualTo(PAGE);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.mediaType()).isEqualTo("text/html");
        assertThat(page.isHtml()).isTrue();
        assertThat(page.truncated()).isFalse();
        origin.verify(getRequestedFor(urlEqualTo("/a.html"))
                .withHeader("User-Agent", equalTo("precis-test"))
                .withHeader("Accept-Encoding", equalTo("gzip, deflate, br")));
    }

    @Test
    void followsRedirectsOnTheSameOriginAndReportsTheFinalUrl() {
        origin.stubFor(get("/old").willReturn(aResponse().withStatus(301).withHeader("Location", "/middle")));
        origin.stubFor(get("/middle").willReturn(aResponse().withStatus(302).withHeader("Location", url("/new.html"))));
        origin.stubFor(get("/new.html").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(PAGE)));
        FetchedPage page = fetcher.fetch(url("/old"));
        assertThat(page.url().toString()).isEqualTo(url("/new.html"));
        assertThat(page.text()).contains("winter ferry");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.1.2.3/admin", "http://169.254.169.254/latest/meta-data/", "http://0x0a000001/",
            "http://[fd00::1]/", "http://192.168.0.1:80/"})
    void aRedirectToAPrivateAddressIsRefused(String target) {
        origin.stubFor(get("/hop").willReturn(aResponse().withStatus(302).withHeader("Location", target)));
        Problem problem = problem(url("/hop"));
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("urn:precis:problem:forbidden-address");
    }

    @Test
    void tooManyRedirectsFail() {
        origin.stubFor(get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));
        Problem problem = problem(url("/loop"));
        assertThat(problem.status()).isEqualTo(502);
        assertThat(problem.detail()).contains("more than 5");
    }

    @Test
    void gzipAndDeflateBodiesAreDecoded() throws IOException {
        byte[] html = PAGE.getBytes(StandardCharsets.UTF_8);
        origin.stubFor(get("/gz").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withHeader("Content-Encoding", "gzip").withBody(gzip(html))));
        origin.stubFor(get("/deflate").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withHeader("Content-Encoding", "deflate").withBody(deflate(html))));
        assertThat(fetcher.fetch(url("/gz")).text()).isEqualTo(PAGE);
        assertThat(fetcher.fetch(url("/deflate")).text()).isEqualTo(PAGE);
    }

    @Test
    void brotliBodiesAreDecoded() throws IOException {
        byte[] compressed = resource("/pages/brotli-page.html.br");
        origin.stubFor(get("/br").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withHeader("Content-Encoding", "br").withBody(compressed)));
        String expected = new String(resource("/pages/brotli-page.html"), StandardCharsets.UTF_8);
        assertThat(fetcher.fetch(url("/br")).text()).isEqualTo(expected);
    }

    @Test
    void charsetsComeFromTheHeaderOrTheMetaElement() {
        String text = "<html><body><p>Café «Ästhetik» – “quoted” €5</p></body></html>";
        origin.stubFor(get("/cp1252").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=windows-1252")
                .withBody(text.getBytes(Charset.forName("windows-1252")))));
        String japanese = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head>"
                + "<body><p>港の新しい橋が開通した。</p></body></html>";
        origin.stubFor(get("/sjis").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody(japanese.getBytes(Charset.forName("Shift_JIS")))));
        String latin = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>“Smart” quotes</p></body></html>";
        origin.stubFor(get("/latin1").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody(latin.getBytes(Charset.forName("windows-1252")))));
        String declared = "<html><head><meta charset=\"windows-1252\"></head><body><p>Café «Ästhetik» – €5</p></body></html>";
        origin.stubFor(get("/cp1252-meta").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody(declared.getBytes(Charset.forName("windows-1252")))));
        origin.stubFor(get("/sjis-header").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=Shift_JIS")
                .withBody("<p>港の新しい橋が開通した。</p>".getBytes(Charset.forName("Shift_JIS")))));
        assertThat(fetcher.fetch(url("/cp1252")).text()).isEqualTo(text);
        assertThat(fetcher.fetch(url("/cp1252-meta")).text()).isEqualTo(declared);
        assertThat(fetcher.fetch(url("/sjis-header")).text()).isEqualTo("<p>港の新しい橋が開通した。</p>");
        assertThat(fetcher.fetch(url("/sjis")).text()).contains("港の新しい橋が開通した。");
        assertThat(fetcher.fetch(url("/latin1")).text()).contains("“Smart” quotes");
    }

    @Test
    void bytesThatAreNotValidInTheCharsetAreReplaced() {
        byte[] broken = {'<', 'p', '>', 'o', 'k', ' ', (byte) 0xff, (byte) 0xfe, ' ', 'y', 'e', 's', '<', '/', 'p', '>'};
        origin.stubFor(get("/broken").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(broken)));
        assertThat(fetcher.fetch(url("/broken")).text()).isEqualTo("<p>ok \uFFFD\uFFFD yes</p>");
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 410, 500, 503})
    void originErrorsAre502WithTheirStatus(int status) {
        origin.stubFor(get("/gone").willReturn(aResponse().withStatus(status)));
        Problem problem = problem(url("/gone"));
        assertThat(problem.status()).isEqualTo(502);
        assertThat(problem.type()).isEqualTo("urn:precis:problem:fetch-failed");
        assertThat(problem.detail()).contains(String.valueOf(status));
    }

    @Test
    void aSlowOriginIs504() {
        origin.stubFor(get("/slow").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(PAGE)
                .withFixedDelay(4_000)));
        Problem problem = problem(url("/slow"));
        assertThat(problem.status()).isEqualTo(504);
        assertThat(problem.type()).isEqualTo("urn:precis:problem:timeout");
    }

    @Test
    void anOversizedPageIsCut() {
        FetchSettings loopback = AppFixture.loopback(Duration.ofSeconds(2));
        FetchSettings small = new FetchSettings(loopback.allowHosts(), loopback.ports(), loopback.userAgent(),
                loopback.connectTimeout(), loopback.timeout(), 1_000, loopback.maxRedirects());
        PageFetcher limited = new PageFetcher(AppFixture.client(small), small);
        String big = "<p>" + "The quay was busy all week. ".repeat(500) + "</p>";
        origin.stubFor(get("/big").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(big)));
        origin.stubFor(get("/big.gz").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withHeader("Content-Encoding", "gzip").withBody(gzipQuietly(big))));
        FetchedPage page = limited.fetch(url("/big"));
        assertThat(page.truncated()).isTrue();
        assertThat(page.text()).hasSize(1_000);
        FetchedPage compressed = limited.fetch(url("/big.gz"));
        assertThat(compressed.truncated()).isTrue();
        assertThat(compressed.text()).hasSize(1_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/csv", "application/pdf", "image/png", "application/json"})
    void contentOtherThanHtmlOrTextIs415(String type) {
        origin.stubFor(get("/data").willReturn(aResponse().withHeader("Content-Type", type).withBody("a,b\n1,2\n")));
        Problem problem = problem(url("/data"));
        assertThat(problem.status()).isEqualTo(415);
        assertThat(problem.detail()).contains(type);
    }

    @Test
    void plainTextIsRead() {
        origin.stubFor(get("/t.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("Plain words.")));
        FetchedPage page = fetcher.fetch(url("/t.txt"));
        assertThat(page.isHtml()).isFalse();
        assertThat(page.text()).isEqualTo("Plain words.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://0x7f000001/",
            "http://2130706433/", "http://127.1/", "http://0177.0.0.1/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/",
            "http://100.64.0.1/", "http://172.16.5.4/", "http://224.0.0.1/", "http://[fe80::1]/", "http://localhost/"})
    void privateLoopbackAndLinkLocalAddressesAreRefusedWithoutAnAllowList(String url) {
        PageFetcher strict = new PageFetcher(AppFixture.client(FetchSettings.defaults("precis-test")),
                FetchSettings.defaults("precis-test"));
        Problem problem = problem(strict, url);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("urn:precis:problem:forbidden-address");
    }

    @Test
    void theLocalOriginItselfIsRefusedWithoutAnAllowList() {
        origin.stubFor(get("/a.html").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(PAGE)));
        PageFetcher strict = new PageFetcher(AppFixture.client(FetchSettings.defaults("precis-test")),
                FetchSettings.defaults("precis-test"));
        assertThat(problem(strict, url("/a.html")).status()).isEqualTo(400);
        assertThat(origin.getAllServeEvents()).isEmpty();
    }

    @Test
    void portsOtherThan80And443AreRefusedBeforeConnecting() {
        PageFetcher strict = new PageFetcher(AppFixture.client(FetchSettings.defaults("precis-test")),
                FetchSettings.defaults("precis-test"));
        Problem problem = problem(strict, "http://93.184.216.34:8080/");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).contains("Port 8080");
    }

    @Test
    void schemesOtherThanHttpAreRefusedOnRedirect() {
        origin.stubFor(get("/ftp").willReturn(aResponse().withStatus(302).withHeader("Location", "ftp://files.example.org/a")));
        assertThat(problem(url("/ftp")).type()).isEqualTo("urn:precis:problem:forbidden-address");
    }

    @Test
    void aRefusedConnectionIs502() {
        int closedPort = origin.port();
        origin.stop();
        try {
            Problem problem = problem("http://127.0.0.1:" + closedPort + "/a.html");
            assertThat(problem.status()).isEqualTo(502);
        } finally {
            origin.start();
        }
    }

    @Test
    void hostsJavaWouldNotParseAreReadAsBrowsersReadThem() {
        assertThat(PageFetcher.parse("http://bücher.example/a", dev.precis.api.ProblemType.INVALID_REQUEST, "bad").getHost())
                .isEqualTo("xn--bcher-kva.example");
        assertThat(PageFetcher.parse("http://b%C3%BCcher.example/a", dev.precis.api.ProblemType.INVALID_REQUEST, "bad").getHost())
                .isEqualTo("xn--bcher-kva.example");
        assertThat(PageFetcher.parse("http://127.1:8080/a", dev.precis.api.ProblemType.INVALID_REQUEST, "bad").getHost())
                .isEqualTo("127.0.0.1");
    }

    @Test
    @org.junit.jupiter.api.Timeout(5)
    void contentCodingsStackedBeyondTwoAreRefusedWithoutBeingUndone() throws IOException {
        byte[] layered = PAGE.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            layered = gzip(layered);
        }
        origin.stubFor(get("/layers").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withHeader("Content-Encoding", "gzip, gzip, gzip").withBody(layered)));
        Problem problem = problem(url("/layers"));
        assertThat(problem.status()).isEqualTo(502);
        assertThat(problem.detail()).contains("3 content codings");
    }

    @Test
    @org.junit.jupiter.api.Timeout(5)
    void anOriginThatDripsItsBodyTimesOut() {
        origin.stubFor(get("/drip").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(PAGE)
                .withChunkedDribbleDelay(40, 6_000)));
        assertThat(problem(url("/drip")).status()).isEqualTo(504);
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] gzipQuietly(String text) {
        try {
            return gzip(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater();
        deflater.setInput(bytes);
        deflater.finish();
        byte[] buffer = new byte[bytes.length + 64];
        int length = deflater.deflate(buffer);
        deflater.end();
        return java.util.Arrays.copyOf(buffer, length);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PageFetcherTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}

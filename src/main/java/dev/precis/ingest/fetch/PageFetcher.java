package dev.precis.ingest.fetch;

import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import dev.precis.net.Deadline;
import dev.precis.net.GuardedHttpClient;
import dev.precis.net.IpLiterals;
import dev.precis.net.OutboundRequest;
import dev.precis.net.OutboundResponse;
import dev.precis.net.Printable;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fetches the page behind a URL (SPEC §10): redirects followed and each one checked, content types limited
 * to what precis reads, compressed bodies decoded, the charset found as a browser finds it, and the whole
 * exchange held to one deadline.
 */
public final class PageFetcher {

    /** What an article page may be (SPEC §10). */
    public static final Set<String> PAGE_TYPES = Set.of("text/html", "application/xhtml+xml", "text/plain");
    private static final Map<String, String> HEADERS = Map.of(
            "Accept", "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1",
            "Accept-Encoding", "gzip, deflate, br");

    private final GuardedHttpClient http;
    private final FetchSettings settings;

    public PageFetcher(GuardedHttpClient http, FetchSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    public FetchedPage fetch(String url) {
        return fetch(url, PAGE_TYPES);
    }

    /** A document of one of the given media types (a feed, a sitemap, a CMS's JSON), fetched by the same rules. */
    public FetchedPage fetch(String url, Set<String> mediaTypes) {
        Deadline deadline = Deadline.in(settings.timeout());
        URI current = parse(url, ProblemType.INVALID_REQUEST, "The URL is not a valid address.");
        for (int redirects = 0; ; redirects++) {
            OutboundResponse response = http.send(OutboundRequest.get(current, HEADERS, settings.maxBytes()), deadline);
            int status = response.status();
            String location = response.header("location");
            if (status >= 300 && status < 400 && location != null) {
                if (redirects >= settings.maxRedirects()) {
                    throw failed("The origin redirected more than " + settings.maxRedirects() + " times.");
                }
                current = redirect(current, parse(location, ProblemType.FETCH_FAILED,
                        "The origin redirected to an address that is not a valid URL."));
                continue;
            }
            if (status < 200 || status >= 300) {
                throw failed("The origin answered HTTP " + status + ".");
            }
            return page(current, response, mediaTypes);
        }
    }

    /**
     * Where a redirect leads, checked like a URL a caller sent but blamed on the origin when unusable (a
     * host-less or credentialed target is the origin's mistake, not the caller's).
     */
    private static URI redirect(URI from, URI location) {
        URI base = from.getRawPath() == null || from.getRawPath().isEmpty()
                ? URI.create(from.getScheme() + "://" + from.getRawAuthority() + "/") : from;
        URI next = base.resolve(location);
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || next.getHost() == null || next.getRawUserInfo() != null) {
            throw new ProblemException(scheme.equals("http") || scheme.equals("https")
                    ? ProblemType.FETCH_FAILED.problem("The origin redirected to an address precis does not fetch.")
                    : ProblemType.FORBIDDEN_ADDRESS.problem("The origin redirected to a URL that is not http or https."));
        }
        return next;
    }

    private FetchedPage page(URI url, OutboundResponse response, Set<String> mediaTypes) {
        String contentType = response.header("content-type");
        String mediaType = mediaType(contentType);
        if (!mediaTypes.contains(mediaType)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE.problem("The document is "
                    + Printable.of(mediaType, 60) + "; precis reads " + String.join(", ", new java.util.TreeSet<>(mediaTypes)) + "."));
        }
        ContentDecoding.Decoded decoded = ContentDecoding.decode(response.body(), response.header("content-encoding"),
                settings.maxBytes(), response.truncated());
        byte[] bytes = decoded.bytes();
        Charset charset = CharsetDetector.detect(bytes, contentType);
        int bom = CharsetDetector.bomLength(bytes);
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, bom, bytes.length - bom)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not fail", e);
        }
        return new FetchedPage(url, response.status(), mediaType, text, decoded.truncated(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** The media type without parameters; a page sent without one is read as HTML, as browsers read it. */
    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "text/html";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** Parses a URL, turning an internationalized host name into the ASCII form DNS uses. */
    static URI parse(String url, ProblemType whenInvalid, String detail) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getHost() != null || uri.getRawAuthority() == null) {
                return uri;
            }
            String authority = uri.getRawAuthority();
            String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
            int colon = hostPort.lastIndexOf(':');
            String host = colon > 0 ? hostPort.substring(0, colon) : hostPort;
            int port = colon > 0 ? Integer.parseInt(hostPort.substring(colon + 1)) : -1;
            // java.net.URI refuses some hosts browsers accept: short numeric forms ("127.1") and Unicode names.
            String ascii = IpLiterals.parse(host).map(InetAddress::getHostAddress).orElseGet(() ->
                    IDN.toASCII(URLDecoder.decode(host, StandardCharsets.UTF_8), IDN.ALLOW_UNASSIGNED));
            return new URI(uri.getScheme(), uri.getRawUserInfo(), ascii, port, uri.getRawPath(), uri.getRawQuery(), null);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ProblemException(whenInvalid.problem(detail));
        }
    }

    private static ProblemException failed(String detail) {
        return new ProblemException(ProblemType.FETCH_FAILED.problem(detail));
    }
}

package dev.precis.ingest.cms.contentful;

import dev.precis.ingest.cms.SignatureScheme;
import dev.precis.ingest.cms.Signatures;
import dev.precis.ingest.cms.WebhookDelivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Contentful's request verification: {@code x-contentful-signature} is hex HMAC-SHA256(secret, canonical
 * request), where the canonical request is the method, the path as Contentful called it (escaped as its
 * toolkit escapes it), the headers named in {@code x-contentful-signed-headers} as sorted
 * {@code name:value} pairs, and the body. The list must cover the timestamp, or a captured delivery could be
 * replayed with a fresh one.
 */
public final class ContentfulSignature implements SignatureScheme {

    private static final String SIGNED_HEADERS = "x-contentful-signed-headers";
    private static final String TIMESTAMP = "x-contentful-timestamp";

    @Override
    public void verify(WebhookDelivery delivery, String secret, Instant now, Duration tolerance) {
        String signature = delivery.header("x-contentful-signature");
        String signedList = delivery.header(SIGNED_HEADERS);
        String timestamp = delivery.header(TIMESTAMP);
        if (signature == null || signature.isBlank() || signedList == null || timestamp == null) {
            throw Signatures.missing("x-contentful-signature, x-contentful-signed-headers or x-contentful-timestamp");
        }
        List<String> names = new ArrayList<>();
        for (String name : signedList.split(",")) {
            String clean = name.strip().toLowerCase(Locale.ROOT);
            if (!clean.isEmpty()) {
                names.add(clean);
            }
        }
        if (!names.contains(TIMESTAMP) || !names.contains(SIGNED_HEADERS)) {
            throw Signatures.wrong("x-contentful-signed-headers must cover the timestamp and itself");
        }
        names.sort(null);
        StringBuilder headers = new StringBuilder();
        for (String name : names) {
            String value = delivery.header(name);
            if (value == null) {
                throw Signatures.wrong("a signed header is missing from the request");
            }
            headers.append(headers.length() == 0 ? "" : ";").append(name).append(':').append(value.strip());
        }
        String canonical = delivery.method().toUpperCase(Locale.ROOT) + "\n" + canonicalPath(delivery.path()) + "\n" + headers + "\n";
        byte[] mac = Signatures.hmacSha256(secret, canonical.getBytes(StandardCharsets.UTF_8), delivery.body());
        if (!Signatures.matches(signature.strip().toLowerCase(Locale.ROOT), HexFormat.of().formatHex(mac))) {
            throw Signatures.wrong("it does not match the request");
        }
        Signatures.requireFresh(Instant.ofEpochMilli(Signatures.timestamp(timestamp.strip())), now, tolerance);
    }

    /**
     * The path as Contentful's toolkit signs it: the query string escaped as Node's
     * {@code querystring.escape}, then the whole {@code path?query} through {@code encodeURI}.
     */
    public static String canonicalPath(String path) {
        int question = path.indexOf('?');
        String joined = question < 0 ? path : path.substring(0, question) + "?" + escape(path.substring(question + 1), QUERY_SAFE);
        return escape(joined, URI_SAFE);
    }

    /** Characters {@code encodeURIComponent} (and so {@code querystring.escape}) leaves alone. */
    private static final String QUERY_SAFE = "-_.!~*'()";
    /** Characters {@code encodeURI} leaves alone, besides letters and digits. */
    private static final String URI_SAFE = "-_.!~*'();,/?:@&=+$#";

    private static String escape(String text, String safe) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || safe.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}

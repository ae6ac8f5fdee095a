package dev.precis.ingest.fetch;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The character set of a fetched page, as browsers find it: a byte-order mark, else the {@code charset} of
 * the Content-Type header, else an XML prolog's {@code encoding} or a {@code <meta>} declaration near the
 * top of the page, else UTF-8.
 */
final class CharsetDetector {

    /** Browsers read HTML within the first 1,024 bytes for the declaration; some pages put it a little later. */
    private static final int META_SCAN_BYTES = 4096;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_:.\\-]{1,40})", Pattern.CASE_INSENSITIVE);
    /** An XML document (a feed, a sitemap) declares its encoding in its prolog. */
    private static final Pattern XML_ENCODING = Pattern.compile(
            "^\\s*<\\?xml[^>]{0,100}?encoding\\s*=\\s*[\"']([a-zA-Z0-9_:.\\-]{1,40})[\"']");
    /**
     * Labels browsers read as a wider charset than their name: pages labelled Latin-1 or ASCII use the
     * Windows-1252 quotes and dashes, and Shift_JIS pages use Microsoft's extensions (WHATWG Encoding).
     */
    private static final Map<String, String> SUPERSETS = Map.of(
            "iso-8859-1", "windows-1252", "latin1", "windows-1252", "us-ascii", "windows-1252", "ascii", "windows-1252",
            "shift_jis", "windows-31j", "sjis", "windows-31j", "x-sjis", "windows-31j", "gb2312", "GBK",
            "euc-kr", "x-windows-949", "iso-8859-9", "windows-1254");

    private CharsetDetector() {
    }

    static Charset detect(byte[] body, String contentType) {
        return bom(body)
                .or(() -> fromContentType(contentType))
                .or(() -> fromMeta(body))
                .orElse(StandardCharsets.UTF_8);
    }

    /** How many bytes of BOM the body starts with (to be skipped when decoding). */
    static int bomLength(byte[] body) {
        return bom(body).map(charset -> charset.equals(StandardCharsets.UTF_8) ? 3 : 2).orElse(0);
    }

    private static Optional<Charset> bom(byte[] body) {
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xfe) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    private static Optional<Charset> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                return named(pair[1].strip().replace("\"", "").replace("'", ""));
            }
        }
        return Optional.empty();
    }

    private static Optional<Charset> fromMeta(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher prolog = XML_ENCODING.matcher(head);
        if (prolog.find()) {
            return named(prolog.group(1)).map(c -> c.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : c);
        }
        Matcher matcher = META_CHARSET.matcher(head);
        if (!matcher.find()) {
            return Optional.empty();
        }
        Optional<Charset> declared = named(matcher.group(1));
        // A page read as bytes cannot really be UTF-16 if its ASCII <meta> was readable (HTML spec).
        return declared.map(c -> c.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : c);
    }

    static Optional<Charset> named(String label) {
        String key = label.strip().toLowerCase(Locale.ROOT);
        String name = SUPERSETS.getOrDefault(key, key);
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }
}

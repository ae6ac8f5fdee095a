package dev.precis.ingest.fetch;

import java.net.URI;
import java.time.Instant;

/**
 * A page as the origin sent it, decoded to text.
 *
 * @param url         the address the page was finally read from, after redirects
 * @param mediaType   the declared media type without parameters, lower case ({@code text/html} when none was sent)
 * @param truncated   whether the page was longer than the fetch limit and was cut
 */
public record FetchedPage(URI url, int status, String mediaType, String text, boolean truncated, Instant fetchedAt) {

    public boolean isHtml() {
        return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
    }
}

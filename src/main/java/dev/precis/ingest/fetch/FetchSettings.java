package dev.precis.ingest.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How pages are fetched (SPEC §10).
 *
 * @param allowHosts    host names, IP addresses or CIDR blocks exempt from the address and port checks
 *                      (for servers a deployment trusts on purpose, such as a test origin on loopback)
 * @param ports         the ports a URL may name; 80 and 443 by default
 * @param maxBytes      the most of a page that is read, after decompression; a longer page is cut
 * @param maxRedirects  how many redirects are followed, each checked like the first address
 */
public record FetchSettings(List<String> allowHosts, Set<Integer> ports, String userAgent, Duration connectTimeout,
                            Duration timeout, long maxBytes, int maxRedirects) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;
    public static final int DEFAULT_MAX_REDIRECTS = 5;
    public static final Set<Integer> DEFAULT_PORTS = Set.of(80, 443);

    public FetchSettings {
        allowHosts = List.copyOf(allowHosts);
        ports = Set.copyOf(ports);
    }

    public static FetchSettings defaults(String userAgent) {
        return new FetchSettings(List.of(), DEFAULT_PORTS, userAgent, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT,
                DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS);
    }
}

package dev.precis.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses precis may connect to (SPEC §10). Loopback, private, carrier-grade NAT, link-local (the
 * instance metadata service among them), unique-local, multicast, unspecified and reserved addresses are
 * refused (for IPv6, everything outside global unicast), whether an address is written in the URL or a name resolves to it, so a caller cannot make the
 * function reach into its own network. An allow-list of host names, addresses and CIDR blocks exempts
 * servers a deployment trusts on purpose.
 */
public final class AddressPolicy {

    private final List<String> allowedNames = new ArrayList<>();
    private final List<Block> allowedBlocks = new ArrayList<>();

    public AddressPolicy(List<String> allowHosts) {
        for (String entry : allowHosts) {
            String value = entry.strip().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            Optional<Block> block = Block.parse(value);
            if (block.isPresent()) {
                allowedBlocks.add(block.get());
            } else {
                allowedNames.add(stripBrackets(value));
            }
        }
    }

    /** Whether the host, as written in the URL, is exempt from every check. */
    public boolean isAllowedName(String host) {
        return allowedNames.contains(stripBrackets(host.toLowerCase(Locale.ROOT)));
    }

    /** Whether the address is on the allow-list. */
    public boolean isAllowedAddress(InetAddress address) {
        for (Block block : allowedBlocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Why the address may not be reached, or empty when it is a public address. */
    public static Optional<String> refusal(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            Optional<Inet4Address> embedded = embeddedIpv4(b);
            if (embedded.isPresent()) {
                return refusal(embedded.get());
            }
            if (v6.isAnyLocalAddress()) {
                return Optional.of("an unspecified address");
            }
            if (v6.isLoopbackAddress()) {
                return Optional.of("a loopback address");
            }
            if (v6.isLinkLocalAddress() || v6.isSiteLocalAddress()) {
                return Optional.of("a link-local address");
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("a unique-local address");
            }
            if (v6.isMulticastAddress()) {
                return Optional.of("a multicast address");
            }
            // Only global unicast (2000::/3) reaches the public internet; of it, Teredo (2001::/32) tunnels to
            // any IPv4 host and 2001:db8::/32 is for documentation.
            if ((b[0] & 0xe0) != 0x20) {
                return Optional.of("a reserved address");
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] == 0 && b[3] == 0
                    || (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8)) {
                return Optional.of("a tunnel or documentation address");
            }
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return Optional.of("an unspecified address");
        }
        if (first == 127) {
            return Optional.of("a loopback address");
        }
        if (first == 10 || first == 172 && second >= 16 && second <= 31 || first == 192 && second == 168) {
            return Optional.of("a private address");
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return Optional.of("a carrier-grade NAT address");
        }
        if (first == 169 && second == 254) {
            return Optional.of("a link-local address");
        }
        if (first >= 224 && first <= 239) {
            return Optional.of("a multicast address");
        }
        // 240/4 is reserved (255.255.255.255 included), 192.0.0/24 holds protocol assignments and 198.18/15
        // is for benchmarking: none of them is a public web server.
        if (first >= 240 || first == 192 && second == 0 && (b[2] & 0xff) == 0 || first == 198 && (second == 18 || second == 19)) {
            return Optional.of("a reserved address");
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) IPv6
     * address: each of them reaches that IPv4 host, so it is judged as that host.
     */
    private static Optional<Inet4Address> embeddedIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && isZero(b, 4, 12);
        if (mapped || compatible || nat64) {
            return Optional.of(ipv4(b[12], b[13], b[14], b[15]));
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Optional.of(ipv4(b[2], b[3], b[4], b[5]));
        }
        return Optional.empty();
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Inet4Address ipv4(byte a, byte b, byte c, byte d) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** An address block from the allow-list: an address with a prefix length. */
    private record Block(byte[] network, int prefix) {

        static Optional<Block> parse(String value) {
            int slash = value.indexOf('/');
            String address = stripBrackets(slash < 0 ? value : value.substring(0, slash));
            Optional<InetAddress> parsed = IpLiterals.parse(address);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes = parsed.get().getAddress();
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(value.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("precis.fetch.allow-hosts: \"" + value + "\" is not a CIDR block");
                }
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException("precis.fetch.allow-hosts: \"" + value + "\" has a bad prefix length");
                }
            }
            return Optional.of(new Block(bytes, prefix));
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}

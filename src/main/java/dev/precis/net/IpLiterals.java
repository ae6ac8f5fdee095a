package dev.precis.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a host that is an IP address rather than a name. IPv4 is read as {@code inet_aton} reads it, the way
 * browsers and curl do: one to four parts, each decimal, octal (leading 0) or hexadecimal (0x), so that
 * {@code 0x7f000001}, {@code 2130706433} and {@code 127.1} are all recognized as the loopback address they
 * name instead of being sent to DNS.
 */
public final class IpLiterals {

    private static final Pattern IPV4_LIKE = Pattern.compile("(?i)(?:0x[0-9a-f]*|[0-9]+)(?:\\.(?:0x[0-9a-f]*|[0-9]+)){0,3}\\.?");
    private static final Pattern IPV6_LIKE = Pattern.compile("(?i)[0-9a-f:.]*:[0-9a-f:.]*");

    private IpLiterals() {
    }

    public static Optional<InetAddress> parse(String host) {
        if (IPV6_LIKE.matcher(host).matches()) {
            try {
                // A string of hex digits, colons and dots is never looked up in DNS by getByName.
                return Optional.of(InetAddress.getByName(host));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        if (!IPV4_LIKE.matcher(host).matches()) {
            return Optional.empty();
        }
        String[] parts = (host.endsWith(".") ? host.substring(0, host.length() - 1) : host).split("\\.");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long value = number(parts[i]);
            if (value == null) {
                return Optional.empty();
            }
            values[i] = value;
        }
        long address = 0;
        int last = parts.length - 1;
        for (int i = 0; i < last; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
            address |= values[i] << (24 - 8 * i);
        }
        long room = 1L << (8 * (4 - last));
        if (values[last] >= room) {
            return Optional.empty();
        }
        address |= values[last];
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return Optional.of(InetAddress.getByAddress(host, bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Long number(String part) {
        try {
            if (part.length() > 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
                return part.length() > 10 ? null : Long.parseLong(part.substring(2), 16);
            }
            if (part.equalsIgnoreCase("0x")) {
                return 0L;
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return part.length() > 12 ? null : Long.parseLong(part.substring(1), 8);
            }
            return part.length() > 10 ? null : Long.parseLong(part);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

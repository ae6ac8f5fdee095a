package dev.precis.net;

/**
 * A value from outside (a host name, a media type, a header) as it may appear in a problem document:
 * short, and printable ASCII only, so nothing a sender chose is echoed back raw.
 */
public final class Printable {

    private Printable() {
    }

    public static String of(String value, int maxChars) {
        if (value == null) {
            return "";
        }
        String cut = value.length() > maxChars ? value.substring(0, maxChars) + "…" : value;
        return cut.replaceAll("[^\\x20-\\x7e…]", "?");
    }
}

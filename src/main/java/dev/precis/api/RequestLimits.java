package dev.precis.api;

/**
 * Size limits of a request, in Unicode code points of the raw fields as received (SPEC §2). An HTML body
 * may be a whole web page, so it has its own, larger limit; the text extracted from it is held to
 * {@code bodyMaxCodePoints} like any other article.
 */
public record RequestLimits(int bodyMaxCodePoints, int htmlMaxCodePoints, int titleMaxCodePoints, int idMaxCodePoints) {

    public static RequestLimits defaults() {
        return new RequestLimits(200_000, 3_000_000, 1_000, 256);
    }

    /** The most a body may hold before its format is known: the larger of the two limits. */
    public int anyBodyMaxCodePoints() {
        return Math.max(bodyMaxCodePoints, htmlMaxCodePoints);
    }
}

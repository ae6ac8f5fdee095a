package dev.precis.api;

/** Size limits of a request, in Unicode code points of the raw fields as received (SPEC §2). */
public record RequestLimits(int bodyMaxCodePoints, int titleMaxCodePoints, int idMaxCodePoints) {

    public static RequestLimits defaults() {
        return new RequestLimits(200_000, 1_000, 256);
    }
}

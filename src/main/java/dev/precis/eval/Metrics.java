package dev.precis.eval;

/** Small shared arithmetic for the scorers. */
final class Metrics {

    private Metrics() {
    }

    static double f1(double precision, double recall) {
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    }

    /** A fraction as a percentage with two decimals, as score.py prints it. */
    static double percent(double fraction) {
        return Math.round(fraction * 10_000) / 100.0;
    }
}

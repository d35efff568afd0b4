package org.smarttown.care.alert;

import org.smarttown.care.reading.ReadingType;

/**
 * The bounds a vital sign is held against: the resident's own (median ± K robust spreads of their
 * history) once there is enough history, and always the clinical limits beneath them.
 */
record Bounds(ReadingType type, long samples, int samplesNeeded, Double median, Double spread, Double low, Double high) {

    /** How many robust spreads from the median a reading may go before it is unusual for this person. */
    static final double K = 4.0;

    enum Side {
        LOW, HIGH
    }

    static Bounds learn(ReadingType type, long samples, int samplesNeeded, Double median, Double mad) {
        if (samples < samplesNeeded || median == null) {
            return new Bounds(type, samples, samplesNeeded, null, null, null, null);
        }
        // 1.4826 × MAD estimates a standard deviation robustly; a floor keeps a very steady
        // history from making ordinary wobble look abnormal.
        double spread = Math.max(1.4826 * (mad == null ? 0 : mad), minSpread(type));
        return new Bounds(type, samples, samplesNeeded, median, spread, median - K * spread,
                type == ReadingType.SPO2 ? null : median + K * spread);
    }

    boolean learned() {
        return median != null;
    }

    static double minSpread(ReadingType type) {
        return type == ReadingType.SPO2 ? 1.0 : 4.0;
    }

    /** Clinical floor: heart rate under 40 or over 130 at rest, SpO2 under 90. */
    static Side clinical(ReadingType type, double value) {
        if (type == ReadingType.HEART_RATE) {
            return value < 40 ? Side.LOW : value > 130 ? Side.HIGH : null;
        }
        return value < 90 ? Side.LOW : null;
    }

    Side personal(double value) {
        if (!learned()) {
            return null;
        }
        return value < low ? Side.LOW : high != null && value > high ? Side.HIGH : null;
    }

    Side out(double value) {
        Side clinical = clinical(type, value);
        return clinical != null ? clinical : personal(value);
    }

    String describe(double value) {
        String unit = " " + type.unit;
        Side clinical = clinical(type, value);
        String personalRange = learned()
                ? "personal range " + round(low) + (high == null ? "" : "–" + round(high)) + unit + " (median "
                        + round(median) + " ± " + (int) K + " × " + round(spread) + ", learned from " + samples
                        + " readings)"
                : "personal baseline not learned yet (" + samples + " of " + samplesNeeded + " readings)";
        if (clinical != null) {
            String limit = type == ReadingType.HEART_RATE ? (clinical == Side.LOW ? "under 40" : "over 130")
                    : "under 90";
            return "clinical limit " + limit + unit + "; " + personalRange;
        }
        return personalRange;
    }

    static String round(double d) {
        return Math.abs(d - Math.rint(d)) < 0.05 ? Long.toString(Math.round(d)) : String.format(java.util.Locale.ROOT, "%.1f", d);
    }
}

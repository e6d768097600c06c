package msb.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A bar length a model can be built for: any whole number of minutes that divides a day (5m, 15m, 30m, 1h,
 * 2h, 4h, 12h, ...) or any whole number of days (24h = 1d, 2d, 7d). A bar of a timeframe is stamped with
 * its close time. Equal when the lengths are equal; {@link #parse} hands back the constants for the four
 * standard timeframes, so {@code ==} on them keeps working.
 *
 * <p>Timeframes other than the standard four take their per-timeframe defaults (S_MIN, hyperparameters,
 * strategy scales) from {@link #nearestStandard()}: the standard timeframe closest in log time.
 */
public final class Timeframe implements Comparable<Timeframe> {
    private static final long DAY_SEC = 86_400;
    private static final double SECONDS_PER_YEAR = 365.0 * DAY_SEC;

    public static final Timeframe M5 = new Timeframe(300);
    public static final Timeframe H1 = new Timeframe(3_600);
    public static final Timeframe H12 = new Timeframe(43_200);
    public static final Timeframe H24 = new Timeframe(DAY_SEC);

    /** The timeframes {@code --tf all} builds and the study covers. */
    private static final Timeframe[] STANDARD = {M5, H1, H12, H24};

    private final long seconds;

    private Timeframe(long seconds) {
        this.seconds = seconds;
    }

    /** The timeframe of {@code seconds}; refuses lengths that neither divide a day nor are whole days. */
    public static Timeframe ofSeconds(long seconds) {
        for (Timeframe tf : STANDARD) if (tf.seconds == seconds) return tf;
        if (seconds < 60 || seconds % 60 != 0 || (DAY_SEC % seconds != 0 && seconds % DAY_SEC != 0)) {
            throw new IllegalArgumentException(seconds + "s is not a timeframe: use whole minutes that divide a day "
                    + "(5m, 15m, 30m, 1h, 2h, 4h, 12h, ...) or whole days (1d, 2d, 7d)");
        }
        return new Timeframe(seconds);
    }

    /**
     * The name users type and directories use: 5m, 1h, 12h, 24h as before; other lengths in the largest
     * whole unit (15m, 4h, 2d). One day prints as 24h.
     */
    public String label() {
        if (seconds == DAY_SEC) return "24h";
        if (seconds % DAY_SEC == 0) return seconds / DAY_SEC + "d";
        if (seconds % 3_600 == 0) return seconds / 3_600 + "h";
        return seconds / 60 + "m";
    }

    public long seconds() { return seconds; }

    /** Hyperliquid's name for the interval (it calls 24h "1d"; it lists only some lengths). */
    public String exchangeInterval() {
        return seconds % DAY_SEC == 0 ? seconds / DAY_SEC + "d" : label();
    }

    /** Annualiser for Sharpe, Sortino and realized volatility (crypto trades every day of the year). */
    public double barsPerYear() { return SECONDS_PER_YEAR / seconds; }

    /** Whether this is one of the four standard timeframes (5m, 1h, 12h, 24h). */
    public boolean isStandard() { return nearestStandard() == this; }

    /** The standard timeframe closest in log time (ties go to the shorter one); itself when standard. */
    public Timeframe nearestStandard() {
        Timeframe best = STANDARD[0];
        double bestDist = Double.MAX_VALUE;
        for (Timeframe tf : STANDARD) {
            double d = Math.abs(Math.log((double) seconds / tf.seconds));
            if (d < bestDist - 1e-12) {
                best = tf;
                bestDist = d;
            }
        }
        return best;
    }

    /**
     * Parses a length as a number and a unit m, h or d (5m, 15m, 4h, 12h, 24h, 1d, 2d); 24h and 1d are the
     * same timeframe. Throws naming the accepted forms.
     */
    public static Timeframe parse(String text) {
        if (text != null && text.contains("M")) { // 5M: minutes to some, months to others (Hyperliquid's 1M is a month)
            throw new IllegalArgumentException("timeframe '" + text + "': M is ambiguous (minutes or months); write minutes"
                    + " as m, e.g. " + text.trim().replace('M', 'm'));
        }
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        String accepted = "unknown timeframe '" + text + "'; use one of " + names() + " or another length that divides a day"
                + " or is whole days (15m, 30m, 2h, 4h, 1d = 24h, 2d)";
        if (!t.matches("[0-9]{1,6}[mhd]")) throw new IllegalArgumentException(accepted);
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        long unit = switch (t.charAt(t.length() - 1)) {
            case 'm' -> 60;
            case 'h' -> 3_600;
            default -> DAY_SEC;
        };
        try {
            return ofSeconds(n * unit);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(accepted, e);
        }
    }

    /** The standard timeframes, in order of length (what {@code all} means). */
    public static Timeframe[] values() { return STANDARD.clone(); }

    /** The standard timeframes' names, for help texts. */
    public static String names() {
        return Arrays.stream(STANDARD).map(Timeframe::label).collect(Collectors.joining(", "));
    }

    @Override public int compareTo(Timeframe o) { return Long.compare(seconds, o.seconds); }

    @Override public boolean equals(Object o) { return o instanceof Timeframe t && t.seconds == seconds; }

    @Override public int hashCode() { return Long.hashCode(seconds); }

    @Override public String toString() { return label(); }
}

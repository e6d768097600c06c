package msb.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The timeframes a model can be built for. A bar of a timeframe is stamped with its close time. */
public enum Timeframe {
    M5("5m", 300, "5m"),
    H1("1h", 3_600, "1h"),
    H12("12h", 43_200, "12h"),
    H24("24h", 86_400, "1d");

    private static final double SECONDS_PER_YEAR = 365.0 * 86_400;

    private final String label;
    private final long seconds;
    private final String exchangeInterval;

    Timeframe(String label, long seconds, String exchangeInterval) {
        this.label = label;
        this.seconds = seconds;
        this.exchangeInterval = exchangeInterval;
    }

    /** The name users type and directories use: 5m, 1h, 12h, 24h. */
    public String label() { return label; }

    public long seconds() { return seconds; }

    /** Hyperliquid's name for the interval (it calls 24h "1d"). */
    public String exchangeInterval() { return exchangeInterval; }

    /** Annualiser for Sharpe, Sortino and realized volatility (crypto trades every day of the year). */
    public double barsPerYear() { return SECONDS_PER_YEAR / seconds; }

    /** Parses 5m, 1h, 12h, 24h (and 1d as an alias of 24h); throws with the accepted names. */
    public static Timeframe parse(String text) {
        if (text.contains("M")) { // 5M: minutes to some, months to others (Hyperliquid's 1M is a month)
            throw new IllegalArgumentException("timeframe '" + text + "': M is ambiguous (minutes or months); write minutes"
                    + " as m, e.g. " + text.trim().replace('M', 'm'));
        }
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("1d")) return H24;
        for (Timeframe tf : values()) if (tf.label.equals(t)) return tf;
        throw new IllegalArgumentException("unknown timeframe '" + text + "'; use one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(Timeframe::label).collect(Collectors.joining(", "));
    }

    @Override public String toString() { return label; }
}

package msb.features;

/**
 * A per-bar series the {@link FeatureContext} keeps, with the index of its first value. Base series come
 * straight from the bar (or the previous bar); a derived series' first index adds up from what it is
 * computed over, as ta4j's unstable-bar counts do, so no warm-up is ever stated by hand.
 */
public sealed interface Series {

    /** 0-based index of the first bar at which the series has a value. */
    int firstBar();

    /** Series read straight from the bar and its predecessor. */
    enum Base implements Series {
        CLOSE(0), HIGH(0), LOW(0), VOLUME(0),
        /** close x volume (the VWAP numerator with the close as the bar's price). */
        CLOSE_TIMES_VOLUME(0),
        /** r_t = close_t / close_{t-1} - 1: needs the previous bar. */
        RETURN(1),
        /** close - EMA20 (alpha 2/21, seeded with the first close, no bias adjustment). */
        EMA_DEVIATION(0),
        /** latest settled funding rate, fraction per hour. */
        FUNDING(0),
        /** taker-buy base volume; NaN where the source does not have it. */
        TAKER_BUY(0);

        private final int firstBar;

        Base(int firstBar) { this.firstBar = firstBar; }

        @Override public int firstBar() { return firstBar; }
    }

    /** Another symbol's close at this bar's close time (cross-asset inputs, aligned on bar close). */
    record CrossClose(String symbol) implements Series {
        public CrossClose {
            if (symbol == null || !symbol.matches("[A-Z0-9]{1,16}")) {
                throw new IllegalArgumentException("cross-asset symbol '" + symbol + "' must be upper-case letters and digits");
            }
        }

        @Override public int firstBar() { return 0; }
    }

    /** Realised volatility sqrt(sum of r^2 over the last {@code bars} returns), as a series of its own. */
    record RealizedVol(int bars) implements Series {
        public RealizedVol {
            if (bars < 1) throw new IllegalArgumentException("realised volatility needs >= 1 bar, got " + bars);
        }

        @Override public int firstBar() { return Base.RETURN.firstBar() + bars - 1; }
    }
}
